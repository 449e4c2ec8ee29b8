package org.riskgate.documents.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Reference;
import org.riskgate.documents.ReferenceRegistry;
import org.riskgate.documents.compare.Embedder;
import org.riskgate.documents.image.PageLoader;

/**
 * A {@link ReferenceRegistry} in a folder. Writes go to a temporary file first and are moved
 * into place, so a crash never leaves a half-written index. Not safe for two processes writing at
 * once; one JVM may share an instance between threads.
 */
public final class FileReferenceRegistry implements ReferenceRegistry {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How an entry is stored in {@code index.json}. */
  record Entry(String id, String issuer, String kind, String validFrom, String validUntil, boolean retired) {
    Reference toReference() {
      return new Reference(id, issuer, Kind.parse(kind), LocalDate.parse(validFrom), LocalDate.parse(validUntil), retired);
    }

    static Entry of(Reference r) {
      return new Entry(r.id(), r.issuer(), r.kind().label(), r.validFrom().toString(), r.validUntil().toString(), r.retired());
    }
  }

  private final Path dir;
  private final PageLoader loader;
  private final List<Embedder> embedders;

  /**
   * Opens (or creates) a registry in {@code dir}; embeddings are computed at registration with
   * each of {@code embedders} and stored beside the image.
   */
  public FileReferenceRegistry(Path dir, PageLoader loader, List<Embedder> embedders) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.embedders = List.copyOf(embedders);
  }

  @Override
  public synchronized Reference register(String issuer, Kind kind, Path image, LocalDate validFrom, LocalDate validUntil) {
    if (issuer.isBlank() || !issuer.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("issuer id must be letters, digits, '.', '_' or '-': '" + issuer + "'");
    }
    BufferedImage img = loader.load(image);
    List<Reference> all = new ArrayList<>(list());
    int n = 1;
    while (true) {
      String candidate = issuer + "-" + kind.label() + "-" + n;
      if (all.stream().noneMatch(r -> r.id().equals(candidate))) {
        break;
      }
      n++;
    }
    Reference ref = new Reference(issuer + "-" + kind.label() + "-" + n, issuer, kind, validFrom, validUntil, false);
    store(ref, img);
    all.add(ref);
    writeIndex(all);
    return ref;
  }

  @Override
  public synchronized Reference replace(String id, Path image) {
    Reference ref = find(id);
    store(ref, loader.load(image));
    return ref;
  }

  @Override
  public synchronized Reference retire(String id) {
    Reference ref = find(id);
    Reference retired = new Reference(ref.id(), ref.issuer(), ref.kind(), ref.validFrom(), ref.validUntil(), true);
    List<Reference> all = new ArrayList<>(list());
    all.replaceAll(r -> r.id().equals(id) ? retired : r);
    writeIndex(all);
    return retired;
  }

  @Override
  public synchronized List<Reference> list() {
    Path index = dir.resolve("index.json");
    if (!Files.exists(index)) {
      return List.of();
    }
    try {
      List<Entry> entries = JSON.readValue(index.toFile(), new TypeReference<List<Entry>>() {});
      return entries.stream().map(Entry::toReference).sorted(Comparator.comparing(Reference::id)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("registry index " + index + " is unreadable", e);
    }
  }

  @Override
  public List<Reference> active(String issuer, Kind kind, LocalDate day) {
    return list().stream().filter(r -> r.issuer().equals(issuer) && r.kind() == kind && r.activeOn(day)).toList();
  }

  /**
   * The stored embeddings of a reference for an embedder, computed from the stored image (and
   * stored) when missing, e.g. for a registry made before a method existed.
   */
  public synchronized float[][] embeddings(Reference ref, Embedder embedder) {
    Path file = embeddingFile(ref.id(), embedder);
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
        int count = in.readInt();
        int dim = in.readInt();
        float[][] out = new float[count][dim];
        for (float[] v : out) {
          for (int i = 0; i < dim; i++) {
            v[i] = in.readFloat();
          }
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException("embedding file " + file + " is unreadable", e);
      }
    }
    try {
      BufferedImage img = ImageIO.read(imageFile(ref.id()).toFile());
      float[][] e = embedder.reference(img, ref.kind());
      writeEmbeddings(file, e);
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException("reference image of " + ref.id() + " is unreadable", e);
    }
  }

  /** The folder. */
  public Path directory() {
    return dir;
  }

  /** Where the image of a reference is kept. */
  public Path imageFile(String id) {
    return dir.resolve("images").resolve(id + ".png");
  }

  private Path embeddingFile(String id, Embedder e) {
    return dir.resolve("embeddings").resolve(id + "." + e.storageName() + ".bin");
  }

  private Reference find(String id) {
    return list().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no reference with id '" + id + "' in " + dir));
  }

  private void store(Reference ref, BufferedImage img) {
    try {
      Files.createDirectories(dir.resolve("images"));
      Files.createDirectories(dir.resolve("embeddings"));
      Path tmp = Files.createTempFile(dir, "img", ".png");
      if (!ImageIO.write(img, "png", tmp.toFile())) {
        throw new IllegalStateException("no PNG writer");
      }
      Files.move(tmp, imageFile(ref.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      for (Embedder e : embedders) {
        writeEmbeddings(embeddingFile(ref.id(), e), e.reference(img, ref.kind()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to registry " + dir, e);
    } catch (IllegalArgumentException e) {
      throw new DocumentInputException.EmptyPage("reference image holds no usable ink: " + e.getMessage());
    }
  }

  private void writeEmbeddings(Path file, float[][] e) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "emb", ".bin");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
      out.writeInt(e.length);
      out.writeInt(e.length == 0 ? 0 : e[0].length);
      for (float[] v : e) {
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void writeIndex(List<Reference> all) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "index", ".json");
      JSON.writeValue(tmp.toFile(), all.stream().sorted(Comparator.comparing(Reference::id)).map(Entry::of).toList());
      Files.move(tmp, dir.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write registry index in " + dir, e);
    }
  }
}
