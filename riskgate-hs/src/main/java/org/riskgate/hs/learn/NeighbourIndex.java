package org.riskgate.hs.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.text.Field;
import org.riskgate.hs.text.Terms;

/**
 * Nearest past descriptions by BM25 over the same analysed terms as the knowledge index. The
 * neighbours' codes vote with weights that fall off with their score relative to the best one.
 */
final class NeighbourIndex {
  private static final int NEIGHBOURS = 10;

  private final IndexSearcher searcher;
  private final List<LabelledData.Row> rows;
  private final List<Set<String>> rowTerms;

  NeighbourIndex(List<LabelledData.Row> rows) {
    this.rows = List.copyOf(rows);
    this.rowTerms = this.rows.stream().map(r -> flatTerms(r.description())).toList();
    Map<String, Analyzer> perField = new HashMap<>();
    for (Field f : Field.values()) {
      perField.put(f.name("text"), f.analyzer());
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig(new PerFieldAnalyzerWrapper(Field.LATIN.analyzer(), perField))
        .setRAMBufferSizeMB(256);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (LabelledData.Row r : this.rows) {
        Document d = new Document();
        for (Field f : Field.values()) {
          d.add(new TextField(f.name("text"), r.description(), org.apache.lucene.document.Field.Store.NO));
        }
        w.addDocument(d);
      }
      w.forceMerge(1);
      this.searcher = new IndexSearcher(DirectoryReader.open(w));
    } catch (IOException e) {
      throw new UncheckedIOException("building the neighbour index failed", e);
    }
  }

  /** Vote distribution over codes and, per code, the neighbours that voted. */
  HistoryPrediction vote(String text) {
    Set<String> queryTerms = flatTerms(text);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (Map.Entry<Field, Set<String>> e : Terms.of(text).entrySet()) {
      for (String t : e.getValue()) {
        if (n++ < 200) {
          b.add(new TermQuery(new Term(e.getKey().name("text"), t)), BooleanClause.Occur.SHOULD);
        }
      }
    }
    double strength;
    Map<HsCode, Double> votes = new LinkedHashMap<>();
    Map<HsCode, List<String>> ev = new HashMap<>();
    try {
      ScoreDoc[] hits = searcher.search(b.build(), NEIGHBOURS).scoreDocs;
      if (hits.length == 0) {
        return new HistoryPrediction(Map.of(), Map.of(), 0);
      }
      Set<String> best = rowTerms.get(hits[0].doc);
      long shared = queryTerms.stream().filter(best::contains).count();
      double cover = queryTerms.isEmpty() ? 0 : (double) shared / queryTerms.size();
      strength = cover * cover;
      double max = hits[0].score;
      double sum = 0;
      for (ScoreDoc h : hits) {
        // a neighbour half as similar as the best one counts e^-5 as much: near-duplicates dominate
        double w = Math.exp(10 * (h.score / max - 1));
        LabelledData.Row r = rows.get(h.doc);
        votes.merge(r.code(), w, Double::sum);
        List<String> list = ev.computeIfAbsent(r.code(), c -> new ArrayList<>());
        if (list.size() < 2) {
          list.add("similar past declaration \"" + r.description() + "\" -> " + r.code());
        }
        sum += w;
      }
      double total = sum;
      votes.replaceAll((c, w) -> w / total);
    } catch (IOException e) {
      throw new UncheckedIOException("searching the neighbour index failed", e);
    }
    return new HistoryPrediction(votes, ev, strength);
  }

  /** All analysed terms of a text, tagged with their script family. */
  private static Set<String> flatTerms(String text) {
    Set<String> out = new java.util.HashSet<>();
    Terms.of(text).forEach((f, ts) -> ts.forEach(t -> out.add(f.ordinal() + ":" + t)));
    return out;
  }
}
