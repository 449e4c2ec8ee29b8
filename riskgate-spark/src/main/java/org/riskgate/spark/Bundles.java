package org.riskgate.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.riskgate.risk.ModelBundle;

/**
 * A model bundle's files as bytes, to travel to a cluster's executors, and the bundle again on the
 * other side: written once per executor JVM into a private directory and loaded by {@link
 * ModelBundle#load}, the loader every other path uses.
 */
final class Bundles {
  /** Bundles unpacked in this JVM, by id: every task of an executor shares one. */
  private static final Map<String, ModelBundle> LOADED = new ConcurrentHashMap<>();

  private Bundles() {}

  /** A bundle directory's files by relative path, and its id. */
  record Packed(String id, LinkedHashMap<String, byte[]> files) implements Serializable {}

  static Packed pack(Path dir) throws IOException {
    String id = ModelBundle.load(dir).id();
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    try (var all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
        files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return new Packed(id, files);
  }

  static ModelBundle unpack(Packed p) {
    return LOADED.computeIfAbsent(p.id(), id -> {
      try {
        Path dir = Files.createTempDirectory("riskgate-bundle-");
        for (Map.Entry<String, byte[]> f : p.files().entrySet()) {
          Path to = dir.resolve(f.getKey());
          Files.createDirectories(to.getParent());
          Files.write(to, f.getValue());
        }
        return ModelBundle.load(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack model bundle " + id + ": " + e.getMessage(), e);
      }
    });
  }
}
