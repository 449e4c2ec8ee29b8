package org.riskgate.documents;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * References of issuers' stamps and signatures, with their embeddings, kept on disk.
 *
 * <p>Every change is written through at once; the folder can be copied or backed up as a whole.
 */
public interface ReferenceRegistry {

  /**
   * Registers a new reference image for an issuer.
   *
   * @throws DocumentInputException when the image cannot be used
   */
  Reference register(String issuer, Kind kind, Path image, LocalDate validFrom, LocalDate validUntil);

  /**
   * Replaces the image of an existing reference (same id, validity kept), recomputing its embeddings.
   *
   * @throws IllegalArgumentException when no reference has this id
   */
  Reference replace(String id, Path image);

  /**
   * Retires a reference: it stays on disk but is no longer compared with.
   *
   * @throws IllegalArgumentException when no reference has this id
   */
  Reference retire(String id);

  /** All references, retired ones included, ordered by id. */
  List<Reference> list();

  /** The references of one issuer and kind that are active on the given day. */
  List<Reference> active(String issuer, Kind kind, LocalDate day);
}
