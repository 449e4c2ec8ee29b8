package org.riskgate.server.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders only their owner may read (POSIX 600 and 700): the store, its password and
 * the audit head. On a file system without POSIX permissions nothing is changed.
 */
public final class OwnerOnly {
  private OwnerOnly() {}

  /** Creates the folder if needed and makes it {@code rwx------}. */
  public static void directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    restrict(dir, "rwx------");
  }

  /** Makes an existing file {@code rw-------}. */
  public static void file(Path file) throws IOException {
    if (Files.exists(file)) {
      restrict(file, "rw-------");
    }
  }

  /** Replaces a file's content in one step (write aside, then rename), owner-only. */
  public static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    restrict(tmp, "rw-------");
    Files.writeString(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }
}
