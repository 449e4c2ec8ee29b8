package org.riskgate.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.risk.Dataset;

/**
 * Each party's latest {@link #length} declarations with their outcomes, point-in-time as the
 * feature pipeline's histories are: while training, a declaration sees only the declarations of
 * earlier days, and a day's declarations join the history once the whole day has been described;
 * when scoring, the history is the one that stood at the end of training.
 *
 * <p>A {@link Dataset} carries no dates, only rows in date order and the {@code day_of_week}
 * feature, so a day is a run of rows with the same day of the week. Two days can only be taken
 * for one when no declaration at all falls in the six days between them; they then do not see
 * each other, which hides the past but never shows the future.
 *
 * <p>A declaration of the history becomes one token of {@link #TOKEN} numbers, read in relation
 * to the declaration being scored: present (1), fraud found (0/1), its tax at stake and its unit
 * price against this one's (log ratios), the same HS code (0/1), the same origin (0/1). The tokens
 * of a party run from its oldest to its latest declaration, the empty places first, all zeros.
 */
final class PartyHistory {
  static final int TOKEN = 6;
  static final List<String> PARTIES = List.of("importer_id", "declarant_id");
  /** The fields a history keeps of each declaration, by feature name; fraud is the label. */
  private static final List<String> FIELDS = List.of("log_tax_at_stake", "log_unit_value", "hs6_number", "origin_code");
  private static final int KEPT = 1 + FIELDS.size();

  final int length;
  /** The model columns of the parties whose histories are kept, and of the kept fields. */
  final int[] partyColumns;
  private final int[] fieldColumns;
  /** Per party column: code to its kept declarations, {@link #KEPT} numbers each, latest last. */
  private final List<Map<Integer, float[]>> kept;

  private PartyHistory(int length, int[] partyColumns, int[] fieldColumns,
      List<Map<Integer, float[]>> kept) {
    this.length = length;
    this.partyColumns = partyColumns;
    this.fieldColumns = fieldColumns;
    this.kept = kept;
  }

  /** Columns of a row the tokens add: {@code parties × length × TOKEN}. */
  int width() {
    return partyColumns.length * length * TOKEN;
  }

  /** The names of the columns {@link #tokens} adds, for a data set that carries them. */
  List<String> names(List<String> features) {
    List<String> n = new ArrayList<>();
    for (int p : partyColumns) {
      for (int k = 0; k < length; k++) {
        for (int t = 0; t < TOKEN; t++) {
          n.add("history." + features.get(p) + "." + k + "." + t);
        }
      }
    }
    return n;
  }

  /**
   * Walks {@code d}'s rows in their (date) order and returns them with their tokens appended,
   * each row's drawn from earlier days only; afterwards this history stands at the end of {@code
   * d}, as scoring reads it.
   */
  static Result walk(Dataset d, int length) {
    List<String> names = d.featureNames();
    int[] parties = PARTIES.stream().filter(names::contains).mapToInt(names::indexOf).toArray();
    if (parties.length == 0) {
      throw new IllegalArgumentException("a sequence model needs the parties' codes (" + PARTIES
          + "): train it on the identities or parties feature set");
    }
    int[] fields = FIELDS.stream().mapToInt(f -> column(names, f)).toArray();
    int day = column(names, "day_of_week");
    List<Map<Integer, float[]>> kept = new ArrayList<>();
    for (int p = 0; p < parties.length; p++) {
      kept.add(new HashMap<>());
    }
    PartyHistory h = new PartyHistory(length, parties, fields, kept);
    int w = d.cols() + h.width();
    float[] x = new float[d.rows() * w];
    int start = 0;
    while (start < d.rows()) {
      int end = start + 1;
      float today = d.x()[start * d.cols() + day];
      while (end < d.rows() && Float.compare(d.x()[end * d.cols() + day], today) == 0) {
        end++;
      }
      for (int r = start; r < end; r++) {
        System.arraycopy(d.x(), r * d.cols(), x, r * w, d.cols());
        h.tokens(d.x(), r, d.cols(), x, r * w + d.cols());
      }
      for (int r = start; r < end; r++) {
        h.add(d.x(), r, d.cols(), d.labels()[r]);
      }
      start = end;
    }
    List<String> all = new ArrayList<>(names);
    all.addAll(h.names(names));
    return new Result(h, new Dataset(x, d.rows(), w, d.labels(), all));
  }

  /** A history and the rows it was walked over, their tokens appended. */
  record Result(PartyHistory history, Dataset rows) {}

  private static int column(List<String> names, String name) {
    int c = names.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("a sequence model needs the " + name + " feature");
    }
    return c;
  }

  /** Row {@code r} of {@code x} ({@code cols} wide) joins its parties' histories. */
  private void add(float[] x, int r, int cols, float fraud) {
    for (int p = 0; p < partyColumns.length; p++) {
      float code = x[r * cols + partyColumns[p]];
      if (Float.isNaN(code)) {
        continue; // a party the vocabulary never saw has no code to keep a history under
      }
      float[] seq = kept.get(p).computeIfAbsent((int) code, c -> emptyHistory());
      System.arraycopy(seq, KEPT, seq, 0, seq.length - KEPT);
      int at = seq.length - KEPT;
      seq[at] = fraud;
      for (int f = 0; f < fieldColumns.length; f++) {
        seq[at + 1 + f] = x[r * cols + fieldColumns[f]];
      }
    }
  }

  private float[] emptyHistory() {
    float[] seq = new float[length * KEPT];
    // a place with no declaration yet: NaN fraud marks it empty
    for (int k = 0; k < length; k++) {
      seq[k * KEPT] = Float.NaN;
    }
    return seq;
  }

  /**
   * Writes row {@code r}'s tokens ({@link #width()} numbers) into {@code out} at {@code at}, from
   * the history as it stands.
   */
  void tokens(float[] x, int r, int cols, float[] out, int at) {
    Arrays.fill(out, at, at + width(), 0f);
    float tax = x[r * cols + fieldColumns[0]];
    float unit = x[r * cols + fieldColumns[1]];
    float hs = x[r * cols + fieldColumns[2]];
    float origin = x[r * cols + fieldColumns[3]];
    for (int p = 0; p < partyColumns.length; p++) {
      float code = x[r * cols + partyColumns[p]];
      float[] seq = Float.isNaN(code) ? null : kept.get(p).get((int) code);
      if (seq == null) {
        continue;
      }
      for (int k = 0; k < length; k++) {
        int e = k * KEPT;
        if (Float.isNaN(seq[e])) {
          continue;
        }
        int o = at + (p * length + k) * TOKEN;
        out[o] = 1;
        out[o + 1] = seq[e];
        out[o + 2] = logRatio(seq[e + 1], tax);
        out[o + 3] = logRatio(seq[e + 2], unit);
        out[o + 4] = seq[e + 3] == hs ? 1 : 0;
        out[o + 5] = seq[e + 4] == origin ? 1 : 0;
      }
    }
  }

  /**
   * An earlier declaration's log value less this one's: scaled by the values themselves, so that
   * no statistic of the training rows (which a later row would move) enters a token.
   */
  private static float logRatio(float earlier, float now) {
    float v = earlier - now;
    return Float.isNaN(v) ? 0 : Math.max(-Inputs.CLIP, Math.min(Inputs.CLIP, v));
  }

  /** Rows [from, to) of {@code x} with their tokens appended, from the history as it stands. */
  float[] append(float[] x, int from, int to, int cols) {
    int w = cols + width();
    float[] out = new float[(to - from) * w];
    for (int r = from; r < to; r++) {
      System.arraycopy(x, r * cols, out, (r - from) * w, cols);
      tokens(x, r, cols, out, (r - from) * w + cols);
    }
    return out;
  }

  /** How many parties have a history, for provenance. */
  int parties() {
    return kept.stream().mapToInt(Map::size).sum();
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(length);
    writeInts(out, partyColumns);
    writeInts(out, fieldColumns);
    for (Map<Integer, float[]> m : kept) {
      out.writeInt(m.size());
      // in code order: the same history writes the same bytes
      for (int code : m.keySet().stream().sorted().toList()) {
        out.writeInt(code);
        for (float v : m.get(code)) {
          out.writeFloat(v);
        }
      }
    }
  }

  static PartyHistory read(DataInputStream in) throws IOException {
    int length = in.readInt();
    int[] parties = readInts(in);
    int[] fields = readInts(in);
    List<Map<Integer, float[]>> kept = new ArrayList<>();
    for (int p = 0; p < parties.length; p++) {
      int n = in.readInt();
      Map<Integer, float[]> m = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        int code = in.readInt();
        float[] seq = new float[length * KEPT];
        for (int k = 0; k < seq.length; k++) {
          seq[k] = in.readFloat();
        }
        m.put(code, seq);
      }
      kept.add(m);
    }
    return new PartyHistory(length, parties, fields, kept);
  }

  private static void writeInts(DataOutputStream out, int[] v) throws IOException {
    out.writeInt(v.length);
    for (int i : v) {
      out.writeInt(i);
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] v = new int[in.readInt()];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readInt();
    }
    return v;
  }
}
