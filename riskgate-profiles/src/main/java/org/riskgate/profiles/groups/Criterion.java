package org.riskgate.profiles.groups;

import java.util.Objects;

/** One part of a group's definition: a dimension and its value, e.g. origin = US. */
public record Criterion(Dimension dimension, String value) {
  public Criterion {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return dimension.key() + "=" + value;
  }
}
