package org.riskgate.profiles.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;

/**
 * Larger data with the public data's distributions, for benchmarks.
 *
 * <p>Each generated declaration copies a random public row — its HS code, countries, office,
 * tax, and inspection outcome, so the joint distribution of goods, routes and fraud is the real
 * one — and moves it into a party space scaled with the volume: with {@code s} = rows / source
 * rows, each importer and seller becomes up to {@code s} distinct parties, declarants up to
 * {@code √s} (brokers grow slower than traders), couriers stay as they are. A replica keeps its
 * original's partners' replicas, so the network keeps its shape. Prices and masses get a ±20 %
 * log-normal jitter; dates are spread uniformly over the requested period.
 *
 * <p>Run: {@code java -cp ... org.riskgate.profiles.bench.SyntheticDeclarations ROWS OUT.csv
 * [FROM DAYS SEED]}
 */
public final class SyntheticDeclarations {
  private SyntheticDeclarations() {}

  /** Generates {@code rows} declarations dated {@code from} .. {@code from + days − 1}. */
  public static List<Declaration> generate(List<Declaration> source, int rows, LocalDate from,
      int days, long seed) {
    if (source.isEmpty()) {
      throw new IllegalArgumentException("no source declarations to scale");
    }
    SplittableRandom r = new SplittableRandom(seed);
    int replicas = Math.max(1, (int) Math.round(rows / (double) source.size()));
    int brokerReplicas = Math.max(1, (int) Math.round(Math.sqrt(replicas)));
    Map<String, String> names = new HashMap<>();
    LocalDate[] dates = new LocalDate[days];
    for (int i = 0; i < days; i++) {
      dates[i] = from.plusDays(i);
    }
    List<Declaration> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Declaration s = source.get(r.nextInt(source.size()));
      int k = r.nextInt(replicas);
      double jitter = Math.exp(0.2 * r.nextGaussian());
      out.add(new Declaration(String.format(Locale.ROOT, "G%09d", i), dates[r.nextInt(days)],
          s.officeId(), s.processType(), s.importType(), s.importUse(), s.paymentType(),
          s.transportMode(), replica(names, s.declarantId(), k % brokerReplicas),
          replica(names, s.importerId(), k), replica(names, s.sellerId(), k), s.courierId(),
          s.hsCode(), s.departureCountry(), s.originCountry(), s.taxRate(), s.taxType(),
          s.originIndicator(), Math.round(s.netMass() * jitter * 10) / 10.0,
          Math.round(s.itemPrice() * jitter * 10) / 10.0, s.outcome(), s.revenue(),
          s.description()));
    }
    out.sort(Comparator.comparing(Declaration::date));
    return out;
  }

  private static String replica(Map<String, String> names, String id, int k) {
    if (id.isEmpty() || k == 0) {
      return id;
    }
    // One string per party keeps a million rows' worth of ids small in memory.
    return names.computeIfAbsent(id + "~" + k, x -> x);
  }

  /** Writes declarations in the public data's column layout. */
  public static void write(List<Declaration> ds, Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,"
          + "Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,"
          + "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,"
          + "Net Mass,Item Price,Fraud,Critical Fraud\n");
      StringBuilder b = new StringBuilder(256);
      for (Declaration d : ds) {
        b.setLength(0);
        b.append(d.id()).append(',').append(d.date()).append(',').append(d.officeId()).append(',')
            .append(d.processType()).append(',').append(d.importType()).append(',')
            .append(d.importUse()).append(',').append(d.paymentType()).append(',')
            .append(d.transportMode()).append(',').append(d.declarantId()).append(',')
            .append(d.importerId()).append(',').append(d.sellerId()).append(',')
            .append(d.courierId()).append(',').append(d.hsCode()).append(',')
            .append(d.departureCountry()).append(',').append(d.originCountry()).append(',')
            .append(d.taxRate()).append(',').append(d.taxType()).append(',')
            .append(d.originIndicator()).append(',').append(d.netMass()).append(',')
            .append(d.itemPrice()).append(',');
        Optional<InspectionOutcome> o = d.outcome();
        if (o.isPresent()) {
          b.append(o.get().fraud() ? 1 : 0).append(',').append(o.get().criticalFraud());
        } else {
          b.append(',');
        }
        w.write(b.append('\n').toString());
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SyntheticDeclarations ROWS OUT.csv [FROM DAYS SEED]");
      System.exit(2);
    }
    int rows = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    LocalDate from = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2022, 1, 1);
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 365;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
    List<Declaration> source = Data.read(Data.publicFile("df_syn_train_eng.csv"));
    write(generate(source, rows, from, days, seed), out);
    System.out.println("wrote " + rows + " declarations to " + out);
  }
}
