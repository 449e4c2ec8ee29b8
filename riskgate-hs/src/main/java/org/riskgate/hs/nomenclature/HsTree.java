package org.riskgate.hs.nomenclature;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.HsLevel;
import org.riskgate.hs.HsNode;
import org.riskgate.hs.Nomenclature;
import org.riskgate.hs.Section;

/**
 * The nomenclature held in sorted maps. Built from the bundled datahub "harmonized-system" CSV
 * (HS 2022, ODC-PDDL), whose rows carry section, code, description, parent and level.
 */
public final class HsTree implements Nomenclature {

  private static final String DATA = "/org/riskgate/hs/data/";

  private final TreeMap<HsCode, HsNode> nodes;
  private final Map<HsCode, List<HsNode>> children;
  private final List<Section> sections;
  private final List<HsNode> subheadings;

  private HsTree(TreeMap<HsCode, HsNode> nodes, List<Section> sections) {
    this.nodes = nodes;
    this.sections = List.copyOf(sections);
    Map<HsCode, List<HsNode>> kids = new LinkedHashMap<>();
    List<HsNode> six = new ArrayList<>();
    for (HsNode n : nodes.values()) {
      n.parent().ifPresent(p -> kids.computeIfAbsent(p, x -> new ArrayList<>()).add(n));
      if (n.level() == HsLevel.SUBHEADING) {
        six.add(n);
      }
    }
    kids.replaceAll((k, v) -> List.copyOf(v));
    this.children = kids;
    this.subheadings = List.copyOf(six);
  }

  /** The bundled HS 2022 nomenclature without national lines. */
  public static HsTree hs2022() {
    return hs2022(Optional.empty());
  }

  /**
   * The bundled HS 2022 nomenclature plus national lines from a CSV with columns {@code code} and
   * {@code description}; each national code must lie under a known subheading.
   */
  public static HsTree hs2022(Optional<Path> nationalLines) {
    TreeMap<HsCode, HsNode> nodes = new TreeMap<>();
    Map<String, List<String>> chaptersBySection = new LinkedHashMap<>();
    try (Reader r = resource("harmonized-system.csv");
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(r)) {
      for (NamedCsvRecord rec : csv) {
        String code = rec.getField("hscode");
        String level = rec.getField("level");
        if (!(level.equals("2") || level.equals("4") || level.equals("6")) || rec.getField("section").equals("TOTAL")) {
          // the TOTAL row and Comtrade's chapter 99 "not specified according to kind" are
          // statistical codes, not part of the WCO nomenclature
          continue;
        }
        HsCode c = new HsCode(code);
        String parent = rec.getField("parent");
        Optional<HsCode> p = level.equals("2") ? Optional.empty() : Optional.of(new HsCode(parent));
        String section = rec.getField("section");
        nodes.put(c, new HsNode(c, rec.getField("description"), section, p));
        if (level.equals("2")) {
          chaptersBySection.computeIfAbsent(section, s -> new ArrayList<>()).add(code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled HS nomenclature", e);
    }
    List<Section> sections = new ArrayList<>();
    try (Reader r = resource("sections.csv");
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(r)) {
      for (NamedCsvRecord rec : csv) {
        String roman = rec.getField(0).strip().replace("\uFEFF", "");
        sections.add(new Section(roman, rec.getField(1), chaptersBySection.getOrDefault(roman, List.of())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled HS sections", e);
    }
    nationalLines.ifPresent(path -> addNational(nodes, path));
    return new HsTree(nodes, sections);
  }

  private static void addNational(TreeMap<HsCode, HsNode> nodes, Path path) {
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(path)) {
      for (NamedCsvRecord rec : csv) {
        HsCode code = HsCode.parse(rec.getField("code"));
        if (code.level() != HsLevel.NATIONAL) {
          throw new IllegalArgumentException(
              path + " line " + rec.getStartingLineNumber() + ": national lines have 8-10 digits: " + code);
        }
        HsCode parent = new HsCode(code.subheading().orElseThrow());
        HsNode p = nodes.get(parent);
        if (p == null) {
          throw new IllegalArgumentException(
              path + " line " + rec.getStartingLineNumber() + ": unknown subheading " + parent);
        }
        nodes.put(code, new HsNode(code, rec.getField("description"), p.section(), Optional.of(parent)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read national lines from " + path, e);
    }
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = HsTree.class.getResourceAsStream(DATA + name);
    if (in == null) {
      throw new IOException("missing resource " + DATA + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<HsNode> find(HsCode code) {
    return Optional.ofNullable(nodes.get(code));
  }

  @Override
  public List<HsNode> children(HsCode code) {
    return children.getOrDefault(code, List.of());
  }

  @Override
  public List<Section> sections() {
    return sections;
  }

  @Override
  public List<HsNode> subheadings() {
    return subheadings;
  }

  @Override
  public List<HsNode> path(HsCode code) {
    List<HsNode> out = new ArrayList<>();
    Optional<HsNode> n = find(code);
    while (n.isPresent()) {
      out.add(n.get());
      n = n.get().parent().flatMap(this::find);
    }
    Collections.reverse(out);
    return List.copyOf(out);
  }
}
