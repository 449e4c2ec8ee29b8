package org.riskgate.server.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.documents.DocumentEvidence;
import org.riskgate.documents.DocumentVerifier;
import org.riskgate.documents.Method;
import org.riskgate.documents.VerificationReport;
import org.riskgate.documents.VerifierConfig;
import org.riskgate.server.Json;
import org.riskgate.server.Refusals;
import org.riskgate.server.RetryLater;
import org.riskgate.server.api.ApiException;
import org.riskgate.server.store.DocumentStore;
import org.riskgate.server.store.StoredDocument;

/**
 * Verifies uploaded scans against the issuers' registered stamps and signatures and keeps them
 * with their declaration. The image's size is read from its header and refused before anything
 * decodes it, so a decompression bomb costs nothing. Decoding and checking an allowed page still
 * takes hundreds of MB for the largest pages, so only a few are checked at once; an upload that
 * finds them all busy is answered 503 with {@code Retry-After} instead of exhausting the heap.
 */
public final class DocumentService {
  private final DocumentStore store;
  private final Path images;
  private final Path registry;
  private final long maxPixels;
  private final Semaphore decoders;
  private volatile DocumentVerifier verifier;

  /**
   * @param images where accepted images are kept (named by SHA-256)
   * @param registry the reference registry folder ({@code riskgate docs register --registry ...})
   */
  public DocumentService(DocumentStore store, Path images, Path registry, long maxPixels, int decoders) {
    this.store = store;
    this.images = images;
    this.registry = registry;
    this.maxPixels = maxPixels;
    this.decoders = new Semaphore(decoders);
  }

  private DocumentVerifier verifier() {
    DocumentVerifier v = verifier;
    if (v == null) {
      synchronized (this) {
        if (verifier == null) {
          verifier = DocumentVerifier.open(new VerifierConfig(registry, Method.CLASSICAL, maxPixels));
        }
        v = verifier;
      }
    }
    return v;
  }

  /** Width and height from an image's header, without decoding it. */
  static int[] dimensions(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ApiException(415, Refusals.phrase("refused.imageType"));
      }
      ImageReader r = readers.next();
      try {
        r.setInput(in, true, true);
        return new int[] {r.getWidth(0), r.getHeight(0)};
      } catch (IOException e) {
        throw new ApiException(422, Refusals.phrase("refused.imageHeader"));
      } finally {
        r.dispose();
      }
    }
  }

  /**
   * Checks an uploaded page and stores it with its report.
   *
   * @param body the image bytes, already limited in size by the caller
   */
  public StoredDocument verify(String declarationId, String issuer, String fileName, InputStream body, String actor)
      throws IOException {
    if (!issuer.matches("[A-Za-z0-9._-]{1,64}")) {
      throw Refusals.refused("refused.issuer");
    }
    String name = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    Files.createDirectories(images);
    Path tmp = Files.createTempFile(images, "upload", ".tmp");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(body, sha)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      int[] wh = dimensions(tmp);
      if ((long) wh[0] * wh[1] > maxPixels) {
        throw new ApiException(413, Refusals.phrase("refused.imagePixels", wh[0], wh[1], maxPixels));
      }
      VerificationReport report = checkOne(issuer, tmp);
      String hash = HexFormat.of().formatHex(sha.digest());
      Path kept = images.resolve(hash);
      if (!Files.exists(kept)) {
        Files.move(tmp, kept, StandardCopyOption.ATOMIC_MOVE);
      }
      StoredDocument d = new StoredDocument(0, declarationId, issuer, name.length() > 200 ? name.substring(0, 200) : name,
          hash, wh[0], wh[1], Json.write(DocumentReport.of(report)), actor, Instant.now());
      long id = store.add(d, Json.write(Map.of("issuer", issuer, "file", d.fileName(), "sha256", hash,
          "suspicious", report.suspicious(), "reason", report.reason())));
      return new StoredDocument(id, d.declarationId(), d.issuer(), d.fileName(), d.sha256(), d.width(), d.height(),
          d.report(), d.uploadedBy(), d.uploadedAt());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Decodes and checks a page when a decoder is free, or refuses (503) at once. */
  private VerificationReport checkOne(String issuer, Path page) {
    if (!decoders.tryAcquire()) {
      throw new RetryLater(503, 5, "all document checkers are busy: try again shortly");
    }
    try {
      return verifier().verify(issuer, page);
    } finally {
      decoders.release();
    }
  }

  /**
   * The verdicts of the documents stored with a declaration as evidence for its decision ({@code
   * docs.suspicious} ...).
   */
  public EvidenceSource evidence() {
    return new DocumentEvidence(id -> store.of(id).stream().map(d -> report(d).toVerification(d.fileName())).toList());
  }

  /** A stored document's report, read back. */
  public static DocumentReport report(StoredDocument d) {
    try {
      return Json.MAPPER.readValue(d.report(), DocumentReport.class);
    } catch (IOException e) {
      throw new IllegalStateException("stored document report cannot be read", e);
    }
  }

  /** The image type from its first bytes: PNG, JPEG or TIFF (the formats the verifier reads). */
  public static String contentType(Path file) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, 4);
      if (n >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
        return "image/png";
      }
      if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8) {
        return "image/jpeg";
      }
      if (n >= 2 && ((head[0] == 'I' && head[1] == 'I') || (head[0] == 'M' && head[1] == 'M'))) {
        return "image/tiff";
      }
    }
    return "application/octet-stream";
  }

  /** The kept image of a document. */
  public Path image(StoredDocument d) {
    return images.resolve(d.sha256());
  }

  public DocumentStore store() {
    return store;
  }
}
