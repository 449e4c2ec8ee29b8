package org.riskgate.hs.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;

/**
 * The script families descriptions are analysed in. Every text is analysed by all of them and
 * each family only produces useful terms for its own script, so mixed-language descriptions
 * ("frozen beef 냉동 소고기") need no language detection.
 */
public enum Field {
  /** Latin script: English (stemmed) and Vietnamese (diacritics folded). */
  LATIN(latin()),
  /** Korean with the nori morphological analyser. */
  KOREAN(new KoreanAnalyzer()),
  /** Chinese and Japanese as overlapping character bigrams. */
  CJK(new CJKAnalyzer()),
  /** Thai with dictionary word breaking. */
  THAI(new ThaiAnalyzer());

  private final Analyzer analyzer;

  Field(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The analyzer of this family; Lucene analyzers are thread-safe. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** The Lucene field name for this family with the given prefix, e.g. {@code own_latin}. */
  public String name(String prefix) {
    return prefix + "_" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Words that carry no meaning for classification: English stop words, the nomenclature's
   * boilerplate ("other", "n.e.c.", "whether or not"), which would otherwise match every
   * residual subheading, and invoice boilerplate (quantities, Incoterms, sizes).
   */
  static final CharArraySet STOP = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    for (String w : new String[] {
      "other", "n.e.c", "nec", "nes", "whether", "thereof", "than", "item", "no", "heading",
      "subheading", "chapter", "elsewhere", "specified", "included", "excluding", "including",
      "kind", "kinds", "used", "use", "type", "types", "etc", "new", "pcs", "pc", "qty", "ea",
      "set", "sets", "for", "from", "made", "mainly", "solely", "principally", "parts",
      // invoice boilerplate that accompanies goods names on trade documents
      "qty", "pkg", "pkgs", "ctn", "ctns", "fob", "cif", "exw", "ddp", "po", "invoice", "hs", "sku",
      "nw", "gw", "kg", "kgs", "lot", "assorted", "various", "misc", "sample", "samples", "brand",
      "colour", "color", "size", "inch", "mm", "cm", "ml", "ltr"
    }) {
      s.add(w);
    }
    return CharArraySet.unmodifiableSet(s);
  }

  /**
   * Joins a single letter to the word it is hyphenated with ("T-shirt", "e-bike", "X-ray",
   * "O-ring"), and "T shirt" likewise: the tokenizer would split off the letter and the filters
   * drop it, leaving "shirt" where the goods are T-shirts.
   */
  private static final java.util.regex.Pattern LETTER_PREFIX =
      java.util.regex.Pattern.compile("\\b([A-Za-z])-(?=[A-Za-z])|\\b([Tt]) (?=[Ss]hirt)");

  private static Analyzer latin() {
    return new Analyzer() {
      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(LETTER_PREFIX, "$1$2", reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream t = new EnglishPossessiveFilter(source);
        t = new LowerCaseFilter(t);
        t = new ASCIIFoldingFilter(t);
        t = new StopFilter(t, STOP);
        t = new LatinScriptFilter(t);
        t = new PorterStemFilter(t);
        return new TokenStreamComponents(source, t);
      }
    };
  }
}
