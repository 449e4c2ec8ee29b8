package org.riskgate.server.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that refuses (413) to be read beyond a limit, whatever its headers claim. */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  private void count(long n) {
    if (n > 0) {
      read += n;
      if (read > limit) {
        throw new ApiException(413, "request body larger than " + limit + " bytes");
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    count(s);
    return s;
  }
}
