package org.riskgate.hs.text;

import java.io.IOException;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps only tokens that contain a Latin letter and are longer than one character.
 *
 * <p>Precondition: runs after lower-casing and ASCII folding. Why: the Latin field sees every
 * description, and Hangul or Han tokens there would only add noise to the other fields' matches;
 * bare numbers (quantities, weights) and single letters match random subheadings.
 */
public final class LatinScriptFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  /** Wraps the stream. */
  public LatinScriptFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() throws IOException {
    if (term.length() < 2) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c >= 'a' && c <= 'z') {
        return true;
      }
    }
    return false;
  }
}
