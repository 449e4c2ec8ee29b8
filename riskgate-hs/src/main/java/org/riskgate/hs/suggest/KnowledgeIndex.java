package org.riskgate.hs.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.HsNode;
import org.riskgate.hs.Nomenclature;
import org.riskgate.hs.text.Field;
import org.riskgate.hs.text.Terms;

/**
 * A Lucene index with one document per HS6 subheading. Each document holds the subheading's own
 * description, its heading's and chapter's descriptions, and the glossary terms attached to it or
 * to its heading or chapter, each analysed by every script family.
 *
 * <p>Scoring is BM25 over those fields with per-field weights, multiplied by a bonus when a whole
 * glossary phrase occurs in the description (so "frozen fish fillets" beats a lone "fish").
 */
public final class KnowledgeIndex {

  /**
   * Field weights and the phrase bonus. The defaults were chosen on the tuning half of the
   * evaluation set (see docs/hs.md); they are not fitted per test case.
   *
   * @param ownWeight weight of the subheading's own description
   * @param parentWeight weight of the heading's and chapter's descriptions
   * @param gloss6Weight weight of glossary terms naming this subheading
   * @param gloss4Weight weight of glossary terms naming its heading or chapter
   * @param phraseBonus multiplier added per matched glossary term of the longest whole phrase
   */
  public record Weights(
      double ownWeight, double parentWeight, double gloss6Weight, double gloss4Weight, double phraseBonus) {
    /** The tuned defaults. */
    public static Weights defaults() {
      return new Weights(1.0, 0.5, 3.0, 2.0, 0.5);
    }
  }

  /**
   * A scored subheading.
   *
   * @param code the HS6 code
   * @param score unnormalised relevance
   * @param evidence matched glossary phrases and nomenclature terms (for the best dozen only)
   * @param coverage share of the description's terms (in its main script) that occur in this
   *     subheading's text, its parents' text or their glossary terms; 1 when every word is known
   *     (for the best dozen only, 0 below)
   */
  public record Candidate(HsCode code, double score, List<String> evidence, double coverage) {}

  private record Phrase(HsCode code, String text, Field family, Set<String> terms) {}

  private static final int MAX_TERMS_PER_FAMILY = 48;
  private static final double EXCLUDED_FACTOR = 0.4;
  private static final int CANDIDATES = 60;
  private static final int DETAILED = 12;

  /**
   * Lucene logs a hint about the incubating Vector API on every JDK newer than it knows; it is
   * advice for Lucene's maintainers, not for our users. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }


  private final IndexSearcher searcher;
  private final HsCode[] docCodes;
  private final Map<HsCode, Integer> docOf;
  private final Map<HsCode, Set<String>> nomenclatureTerms;
  /** Per subheading, terms its text excludes ("not knitted"): a description using them is not it. */
  private final Map<HsCode, Set<String>> excludedTerms;
  /** Per chapter, heading and subheading code: "family:term" of its description and glossary. */
  private final Map<String, Set<String>> vocabulary;
  private final Map<String, List<Phrase>> phrasesByTerm;
  private final Nomenclature nomenclature;
  private final Weights weights;
  private final Translations translations = Translations.bundled();

  private KnowledgeIndex(
      IndexSearcher searcher,
      HsCode[] docCodes,
      Map<HsCode, Set<String>> nomenclatureTerms,
      Map<String, List<Phrase>> phrasesByTerm,
      Nomenclature nomenclature,
      Weights weights,
      Map<String, Set<String>> vocabulary,
      Map<HsCode, Set<String>> excludedTerms) {
    this.vocabulary = vocabulary;
    this.excludedTerms = excludedTerms;
    this.searcher = searcher;
    this.docCodes = docCodes;
    this.nomenclatureTerms = nomenclatureTerms;
    this.phrasesByTerm = phrasesByTerm;
    this.nomenclature = nomenclature;
    this.weights = weights;
    Map<HsCode, Integer> d = new HashMap<>();
    for (int i = 0; i < docCodes.length; i++) {
      d.put(docCodes[i], i);
    }
    this.docOf = d;
  }

  /** Builds the in-memory index. */
  public static KnowledgeIndex build(Nomenclature nom, Glossary glossary, Weights weights) {
    Map<String, List<Glossary.Entry>> byPrefix = new HashMap<>();
    for (Glossary.Entry e : glossary.entries()) {
      if (!nom.isKnown(e.code())) {
        throw new IllegalArgumentException(
            "glossary line " + e.line() + ": " + e.code() + " is not in the nomenclature");
      }
      byPrefix.computeIfAbsent(e.code().digits(), k -> new ArrayList<>()).add(e);
    }
    Map<String, Analyzer> perField = new HashMap<>();
    for (Field f : Field.values()) {
      for (String prefix : List.of("own", "parent", "gloss6", "gloss4")) {
        perField.put(f.name(prefix), f.analyzer());
      }
    }
    Analyzer analyzer = new PerFieldAnalyzerWrapper(Field.LATIN.analyzer(), perField);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    Map<HsCode, Set<String>> nomTerms = new HashMap<>();
    Map<String, Set<String>> vocab = new HashMap<>();
    Map<HsCode, Set<String>> excluded = new HashMap<>();
    for (HsNode n : nom.subheadings()) {
      for (HsNode p : nom.path(n.code())) {
        if (!vocab.containsKey(p.code().digits())) {
          Set<String> v = new java.util.HashSet<>();
          for (String t : Terms.analyze(Field.LATIN.analyzer(), withoutExclusions(p.description()))) {
            v.add(Field.LATIN.ordinal() + ":" + t);
          }
          vocab.put(p.code().digits(), v);
        }
      }
    }
    for (Glossary.Entry e : glossary.entries()) {
      Field family = Script.familyOf(e.term());
      Set<String> v = vocab.computeIfAbsent(e.code().digits(), k -> new java.util.HashSet<>());
      for (String t : Terms.analyze(family.analyzer(), e.term())) {
        v.add(family.ordinal() + ":" + t);
      }
    }
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (HsNode n : nom.subheadings()) {
        String own = withoutExclusions(n.description());
        StringBuilder parent = new StringBuilder();
        for (HsNode p : nom.path(n.code())) {
          if (!p.code().equals(n.code())) {
            parent.append(withoutExclusions(p.description())).append(". ");
          }
        }
        String code = n.code().digits();
        StringBuilder g6 = new StringBuilder();
        StringBuilder g4 = new StringBuilder();
        for (Glossary.Entry e : byPrefix.getOrDefault(code, List.of())) {
          g6.append(e.term()).append(" ; ");
        }
        for (String prefix : List.of(code.substring(0, 4), code.substring(0, 2))) {
          for (Glossary.Entry e : byPrefix.getOrDefault(prefix, List.of())) {
            g4.append(e.term()).append(" ; ");
          }
        }
        Document doc = new Document();
        doc.add(new StoredField("code", code));
        doc.add(new TextField(Field.LATIN.name("own"), own, org.apache.lucene.document.Field.Store.NO));
        doc.add(new TextField(Field.LATIN.name("parent"), parent.toString(), org.apache.lucene.document.Field.Store.NO));
        for (Field f : Field.values()) {
          doc.add(new TextField(f.name("gloss6"), g6.toString(), org.apache.lucene.document.Field.Store.NO));
          doc.add(new TextField(f.name("gloss4"), g4.toString(), org.apache.lucene.document.Field.Store.NO));
        }
        w.addDocument(doc);
        Set<String> terms = new LinkedHashSet<>(Terms.analyze(Field.LATIN.analyzer(), own));
        terms.addAll(Terms.analyze(Field.LATIN.analyzer(), parent.toString()));
        nomTerms.put(n.code(), terms);
        Set<String> ex = new java.util.HashSet<>();
        for (HsNode p : nom.path(n.code())) {
          java.util.regex.Matcher m = EXCLUSION.matcher(p.description());
          while (m.find()) {
            ex.addAll(Terms.analyze(Field.LATIN.analyzer(), m.group()));
          }
        }
        ex.removeAll(terms);
        if (!ex.isEmpty()) {
          excluded.put(n.code(), ex);
        }
      }
      w.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException("building the in-memory HS index failed", e);
    }
    try {
      DirectoryReader reader = DirectoryReader.open(dir);
      IndexSearcher searcher = new IndexSearcher(reader);
      // every query is new text: caching query results only costs memory and time
      searcher.setQueryCache(null);
      StoredFields stored = reader.storedFields();
      HsCode[] codes = new HsCode[reader.maxDoc()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = new HsCode(stored.document(i).get("code"));
      }
      Map<String, List<Phrase>> phrases = new HashMap<>();
      for (Glossary.Entry e : glossary.entries()) {
        Field family = Script.familyOf(e.term());
        Set<String> terms = new LinkedHashSet<>(Terms.analyze(family.analyzer(), e.term()));
        if (terms.isEmpty()) {
          continue;
        }
        Phrase p = new Phrase(e.code(), e.term(), family, terms);
        // indexed under its first term only: a phrase needs all its terms, so any one will do
        phrases.computeIfAbsent(family + ":" + terms.iterator().next(), k -> new ArrayList<>()).add(p);
      }
      return new KnowledgeIndex(searcher, codes, nomTerms, phrases, nom, weights, vocab, excluded);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the in-memory HS index failed", e);
    }
  }

  private static final java.util.regex.Pattern EXCLUSION = java.util.regex.Pattern.compile(
      "\\((?:not|other than|excluding|except)[^)]*\\)|\\b(?:not|other than|excluding|except)\\b[^;,.()]*",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * The description without its exclusions: "(not knitted or crocheted)", "not roasted" or
   * "other than of cotton" name what the subheading is not, and as plain terms they would match
   * exactly those goods.
   */
  static String withoutExclusions(String description) {
    return EXCLUSION.matcher(description).replaceAll(" ");
  }

  /** The {@code n} best subheadings for an already validated description, best first. */
  public List<Candidate> search(String text, int n) {
    Map<Field, Set<String>> q = widen(Terms.of(text));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<Field, Set<String>> e : q.entrySet()) {
      Field f = e.getKey();
      int count = 0;
      for (String t : e.getValue()) {
        if (count++ >= MAX_TERMS_PER_FAMILY) {
          break;
        }
        if (f == Field.LATIN) {
          add(b, f.name("own"), t, weights.ownWeight());
          add(b, f.name("parent"), t, weights.parentWeight());
        }
        add(b, f.name("gloss6"), t, weights.gloss6Weight());
        add(b, f.name("gloss4"), t, weights.gloss4Weight());
      }
    }
    Map<HsCode, Double> scores = new LinkedHashMap<>();
    try {
      for (ScoreDoc sd : searcher.search(b.build(), Math.max(n, CANDIDATES)).scoreDocs) {
        scores.put(docCodes[sd.doc], (double) sd.score);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory HS index failed", e);
    }
    Map<HsCode, List<Phrase>> matched = matchedPhrases(q);
    Set<String> latin = q.getOrDefault(Field.LATIN, Set.of());
    record Scored(HsCode code, double score, List<Phrase> phrases) {}
    List<Scored> scored = new ArrayList<>(scores.size());
    for (Map.Entry<HsCode, Double> e : scores.entrySet()) {
      HsCode code = e.getKey();
      List<Phrase> ph = phrasesFor(code, matched);
      int longest = 0;
      for (Phrase p : ph) {
        longest = Math.max(longest, p.terms().size());
      }
      double score = e.getValue() * (1 + weights.phraseBonus() * Math.min(3, longest));
      Set<String> ex = excludedTerms.get(code);
      if (ex != null && !latin.isEmpty() && latin.stream().anyMatch(ex::contains)) {
        // the description names what this subheading explicitly excludes
        score *= EXCLUDED_FACTOR;
      }
      scored.add(new Scored(code, score, ph));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(c -> c.code().digits()));
    // evidence and coverage are only read for the best few: computing them for all would be most
    // of the cost of a query
    Field main = Script.familyOf(text);
    Set<String> mainTerms = q.getOrDefault(main, Set.of());
    List<Candidate> out = new ArrayList<>(Math.min(n, scored.size()));
    for (int i = 0; i < scored.size() && i < n; i++) {
      Scored x = scored.get(i);
      boolean detailed = i < DETAILED;
      out.add(new Candidate(x.code(), x.score(), detailed ? evidence(x.code(), x.phrases(), q) : List.of(),
          detailed ? coverage(x.code(), main, mainTerms) : 0));
    }
    return List.copyOf(out);
  }

  /** Adds the English equivalents of non-English words, so they meet the nomenclature's text. */
  private Map<Field, Set<String>> widen(Map<Field, Set<String>> q) {
    List<Translations.Entry> found = translations.matches(q);
    if (found.isEmpty()) {
      return q;
    }
    Map<Field, Set<String>> out = new java.util.EnumMap<>(q);
    Set<String> latin = new LinkedHashSet<>(q.getOrDefault(Field.LATIN, Set.of()));
    found.forEach(e -> latin.addAll(e.english()));
    out.put(Field.LATIN, latin);
    return out;
  }

  private double coverage(HsCode code, Field family, Set<String> terms) {
    if (terms.isEmpty()) {
      return 0;
    }
    String d = code.digits();
    Set<String> a = vocabulary.getOrDefault(d, Set.of());
    Set<String> b = vocabulary.getOrDefault(d.substring(0, 4), Set.of());
    Set<String> c = vocabulary.getOrDefault(d.substring(0, 2), Set.of());
    int known = 0;
    for (String t : terms) {
      String key = family.ordinal() + ":" + t;
      if (a.contains(key) || b.contains(key) || c.contains(key)) {
        known++;
      }
    }
    return (double) known / terms.size();
  }

  /** Whether the index knows this subheading. */
  public boolean contains(HsCode code) {
    return docOf.containsKey(code);
  }

  private static void add(BooleanQuery.Builder b, String field, String term, double w) {
    b.add(new BoostQuery(new TermQuery(new Term(field, term)), (float) w), BooleanClause.Occur.SHOULD);
  }

  private Map<HsCode, List<Phrase>> matchedPhrases(Map<Field, Set<String>> q) {
    List<Phrase> all = new ArrayList<>();
    for (Map.Entry<Field, Set<String>> e : q.entrySet()) {
      for (String t : e.getValue()) {
        for (Phrase p : phrasesByTerm.getOrDefault(e.getKey() + ":" + t, List.of())) {
          if (e.getValue().containsAll(p.terms())) {
            all.add(p);
          }
        }
      }
    }
    Map<HsCode, List<Phrase>> out = new HashMap<>();
    for (Phrase p : all) {
      if (!subsumed(p, all)) {
        out.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
      }
    }
    return out;
  }

  /**
   * Longest match wins: "笔记本" (notebook) inside "笔记本电脑" (laptop), or "beef" inside
   * "frozen beef", says nothing of its own once the longer phrase of another code matched.
   */
  private static boolean subsumed(Phrase p, List<Phrase> all) {
    for (Phrase o : all) {
      if (o.family() == p.family() && o.terms().size() > p.terms().size()
          && o.terms().containsAll(p.terms()) && !o.code().within(p.code()) && !p.code().within(o.code())) {
        return true;
      }
    }
    return false;
  }

  private static List<Phrase> phrasesFor(HsCode code, Map<HsCode, List<Phrase>> matched) {
    if (matched.isEmpty()) {
      return List.of();
    }
    List<Phrase> out = new ArrayList<>();
    String d = code.digits();
    for (String prefix : List.of(d, d.substring(0, 4), d.substring(0, 2))) {
      out.addAll(matched.getOrDefault(new HsCode(prefix), List.of()));
    }
    return out;
  }

  private List<String> evidence(HsCode code, List<Phrase> phrases, Map<Field, Set<String>> q) {
    Set<String> ev = new LinkedHashSet<>(); // a term listed in two languages reads once
    for (Phrase p : phrases) {
      ev.add("glossary \"" + p.text() + "\" -> " + p.code());
    }
    Set<String> latin = q.getOrDefault(Field.LATIN, Set.of());
    List<String> hits = new ArrayList<>();
    for (String t : nomenclatureTerms.getOrDefault(code, Set.of())) {
      if (latin.contains(t)) {
        hits.add(t);
      }
    }
    if (!hits.isEmpty()) {
      ev.add("nomenclature terms: " + String.join(", ", hits));
    }
    return List.copyOf(ev);
  }

  /** The nomenclature the index was built from. */
  public Nomenclature nomenclature() {
    return nomenclature;
  }

  /** Maps text to the script family its letters belong to. */
  static final class Script {
    private Script() {}

    static Field familyOf(String text) {
      Map<Field, Integer> counts = new EnumMap<>(Field.class);
      text.codePoints().forEach(c -> {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        Field f = switch (s) {
          case HANGUL -> Field.KOREAN;
          case HAN, HIRAGANA, KATAKANA -> Field.CJK;
          case THAI -> Field.THAI;
          case LATIN -> Field.LATIN;
          default -> null;
        };
        if (f != null) {
          counts.merge(f, 1, Integer::sum);
        }
      });
      return counts.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(Field.LATIN);
    }
  }
}
