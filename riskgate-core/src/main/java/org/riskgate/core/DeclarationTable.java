package org.riskgate.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * Declarations held column by column, for training and evaluation sets of millions of rows: an
 * immutable {@code List<Declaration>} whose {@link #get} builds the record on demand.
 *
 * <p>A {@link Declaration} object with its id, outcome and optional costs about 220 bytes on the
 * heap; here a row costs about 65: codes, parties and HS codes are dictionary-encoded (one byte,
 * two or four per row, whichever the column's number of distinct values needs), numbers are plain
 * doubles, the id and description are UTF-8 in one byte array. The records {@link #get} returns
 * are equal to the ones added, field by field.
 */
public final class DeclarationTable extends AbstractList<Declaration> implements RandomAccess {
  private static final List<Optional<InspectionOutcome>> OUTCOMES = List.of(
      Optional.of(new InspectionOutcome(false, 0)), Optional.of(new InspectionOutcome(false, 1)),
      Optional.of(new InspectionOutcome(false, 2)), Optional.of(new InspectionOutcome(true, 0)),
      Optional.of(new InspectionOutcome(true, 1)), Optional.of(new InspectionOutcome(true, 2)));
  private static final byte NO_OUTCOME = -1;

  private final int size;
  private final Text ids;
  private final int[] days;
  private final Codes[] codes;
  private final double[] taxRate;
  private final double[] netMass;
  private final double[] itemPrice;
  private final byte[] outcomes;
  /** NaN where a row has no revenue; null when no row has one. */
  private final double[] revenue;
  private final Text descriptions;

  private DeclarationTable(Builder b) {
    size = b.size;
    ids = b.ids.trim();
    days = Arrays.copyOf(b.days, size);
    codes = Arrays.stream(b.codes).map(c -> c.trim(size)).toArray(Codes[]::new);
    taxRate = Arrays.copyOf(b.taxRate, size);
    netMass = Arrays.copyOf(b.netMass, size);
    itemPrice = Arrays.copyOf(b.itemPrice, size);
    outcomes = Arrays.copyOf(b.outcomes, size);
    revenue = b.revenue == null ? null : Arrays.copyOf(b.revenue, size);
    descriptions = b.descriptions.trim();
  }

  /** Collects declarations into a table. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Declaration get(int i) {
    java.util.Objects.checkIndex(i, size);
    return new Declaration(
        ids.get(i), date(i), codes[OFFICE].get(i), codes[PROCESS].get(i), codes[IMPORT_TYPE].get(i),
        codes[IMPORT_USE].get(i), codes[PAYMENT].get(i), codes[TRANSPORT].get(i), codes[DECLARANT].get(i),
        codes[IMPORTER].get(i), codes[SELLER].get(i), codes[COURIER].get(i), codes[HS].get(i),
        codes[DEPARTURE].get(i), codes[ORIGIN].get(i), taxRate[i], codes[TAX_TYPE].get(i),
        codes[ORIGIN_INDICATOR].get(i), netMass[i], itemPrice[i],
        outcomes[i] == NO_OUTCOME ? Optional.empty() : OUTCOMES.get(outcomes[i]),
        revenue == null || Double.isNaN(revenue[i]) ? OptionalDouble.empty() : OptionalDouble.of(revenue[i]),
        descriptions.get(i));
  }

  /** The date of row {@code i}, without building the declaration. */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(days[i]);
  }

  /** Whether row {@code i} has an inspection outcome, without building the declaration. */
  public boolean labelled(int i) {
    return outcomes[i] != NO_OUTCOME;
  }

  private static final int OFFICE = 0;
  private static final int PROCESS = 1;
  private static final int IMPORT_TYPE = 2;
  private static final int IMPORT_USE = 3;
  private static final int PAYMENT = 4;
  private static final int TRANSPORT = 5;
  private static final int DECLARANT = 6;
  private static final int IMPORTER = 7;
  private static final int SELLER = 8;
  private static final int COURIER = 9;
  private static final int HS = 10;
  private static final int DEPARTURE = 11;
  private static final int ORIGIN = 12;
  private static final int TAX_TYPE = 13;
  private static final int ORIGIN_INDICATOR = 14;
  private static final int CODE_COLUMNS = 15;

  /** Adds declarations one at a time; not thread-safe. */
  public static final class Builder {
    private int size;
    private final Text ids = new Text();
    private int[] days = new int[1024];
    private final Codes[] codes = new Codes[CODE_COLUMNS];
    private double[] taxRate = new double[1024];
    private double[] netMass = new double[1024];
    private double[] itemPrice = new double[1024];
    private byte[] outcomes = new byte[1024];
    private double[] revenue;
    private final Text descriptions = new Text();

    private Builder() {
      for (int c = 0; c < CODE_COLUMNS; c++) {
        codes[c] = new Codes();
      }
    }

    public Builder add(Declaration d) {
      if (size == days.length) {
        int n = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16, size * 3L / 2));
        days = Arrays.copyOf(days, n);
        taxRate = Arrays.copyOf(taxRate, n);
        netMass = Arrays.copyOf(netMass, n);
        itemPrice = Arrays.copyOf(itemPrice, n);
        outcomes = Arrays.copyOf(outcomes, n);
        if (revenue != null) {
          revenue = grownRevenue(n);
        }
      }
      int i = size;
      ids.add(d.id());
      days[i] = Math.toIntExact(d.date().toEpochDay());
      String[] values = {d.officeId(), d.processType(), d.importType(), d.importUse(), d.paymentType(),
          d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
          d.departureCountry(), d.originCountry(), d.taxType(), d.originIndicator()};
      for (int c = 0; c < CODE_COLUMNS; c++) {
        codes[c].add(i, values[c]);
      }
      taxRate[i] = d.taxRate();
      netMass[i] = d.netMass();
      itemPrice[i] = d.itemPrice();
      outcomes[i] = d.outcome().map(o -> (byte) ((o.fraud() ? 3 : 0) + o.criticalFraud())).orElse(NO_OUTCOME);
      if (d.revenue().isPresent() && revenue == null) {
        revenue = grownRevenue(days.length);
      }
      if (revenue != null) {
        revenue[i] = d.revenue().orElse(Double.NaN);
      }
      descriptions.add(d.description());
      size++;
      return this;
    }

    private double[] grownRevenue(int n) {
      double[] r = new double[n];
      Arrays.fill(r, Double.NaN);
      if (revenue != null) {
        System.arraycopy(revenue, 0, r, 0, size);
      }
      return r;
    }

    /** The table of everything added; the builder must not be used afterwards. */
    public DeclarationTable build() {
      return new DeclarationTable(this);
    }
  }

  /**
   * A dictionary-encoded text column: each distinct value stored once, each row a code of one,
   * two or four bytes, widened as the dictionary grows.
   */
  private static final class Codes {
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private byte[] bytes = new byte[1024];
    private short[] shorts;
    private int[] ints;

    void add(int row, String v) {
      Integer code = dictionary.get(v);
      if (code == null) {
        code = values.size();
        dictionary.put(v, code);
        values.add(v);
      }
      int c = code;
      if (ints != null) {
        ints = ensure(ints, row);
        ints[row] = c;
      } else if (shorts != null) {
        if (c > 0xFFFF) {
          ints = new int[shorts.length];
          for (int r = 0; r < row; r++) {
            ints[r] = Short.toUnsignedInt(shorts[r]);
          }
          shorts = null;
          add(row, v);
          return;
        }
        shorts = row < shorts.length ? shorts : Arrays.copyOf(shorts, grown(row));
        shorts[row] = (short) c;
      } else {
        if (c > 0xFF) {
          shorts = new short[bytes.length];
          for (int r = 0; r < row; r++) {
            shorts[r] = (short) Byte.toUnsignedInt(bytes[r]);
          }
          bytes = null;
          add(row, v);
          return;
        }
        bytes = row < bytes.length ? bytes : Arrays.copyOf(bytes, grown(row));
        bytes[row] = (byte) c;
      }
    }

    String get(int row) {
      int c = ints != null ? ints[row] : shorts != null ? Short.toUnsignedInt(shorts[row]) : Byte.toUnsignedInt(bytes[row]);
      return values.get(c);
    }

    Codes trim(int size) {
      if (ints != null) {
        ints = Arrays.copyOf(ints, size);
      } else if (shorts != null) {
        shorts = Arrays.copyOf(shorts, size);
      } else {
        bytes = Arrays.copyOf(bytes, size);
      }
      dictionary.clear();
      return this;
    }

    private static int[] ensure(int[] a, int row) {
      return row < a.length ? a : Arrays.copyOf(a, grown(row));
    }
  }

  private static int grown(int row) {
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, row * 3L / 2));
  }

  /** Free text (ids, descriptions), UTF-8 in one growing byte array. */
  private static final class Text {
    private byte[] bytes = new byte[1 << 12];
    private int used;
    /** Where each row's text ends; its start is the previous row's end. */
    private int[] ends = new int[1024];
    private int rows;

    void add(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (used + b.length > bytes.length) {
        long n = Math.max((long) used + b.length, bytes.length * 3L / 2);
        if (n > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("more than 2 GiB of ids or descriptions in one table");
        }
        bytes = Arrays.copyOf(bytes, (int) n);
      }
      System.arraycopy(b, 0, bytes, used, b.length);
      used += b.length;
      if (rows == ends.length) {
        ends = Arrays.copyOf(ends, grown(rows));
      }
      ends[rows++] = used;
    }

    String get(int row) {
      int from = row == 0 ? 0 : ends[row - 1];
      int to = ends[row];
      return from == to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    Text trim() {
      bytes = Arrays.copyOf(bytes, used);
      ends = Arrays.copyOf(ends, rows);
      return this;
    }
  }
}
