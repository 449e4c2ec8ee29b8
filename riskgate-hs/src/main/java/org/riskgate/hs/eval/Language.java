package org.riskgate.hs.eval;

/** Guesses the language of a description from its script, for per-language reporting only. */
public final class Language {
  private Language() {}

  /** "ko", "zh", "ja", "th", "vi" or "en". */
  public static String of(String text) {
    int hangul = 0;
    int han = 0;
    int kana = 0;
    int thai = 0;
    int vietnamese = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      switch (s) {
        case HANGUL -> hangul++;
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case THAI -> thai++;
        default -> {
          // letters only Vietnamese uses among the languages we meet: ơ ư đ and stacked tones
          if ("ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".indexOf(Character.toLowerCase(c)) >= 0) {
            vietnamese++;
          }
        }
      }
    }
    if (hangul > 0 && hangul >= han) {
      return "ko";
    }
    if (kana > 0) {
      return "ja";
    }
    if (han > 0) {
      return "zh";
    }
    if (thai > 0) {
      return "th";
    }
    return vietnamese > 0 ? "vi" : "en";
  }
}
