package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggesterTest {
  private final HsSuggester suggester = Shared.TOOLKIT.suggester();

  @Test
  void nomenclatureWordsPickTheSubheading() {
    List<Suggestion> s = suggester.suggest("frozen boneless beef", 5);
    assertThat(s).hasSize(5);
    assertThat(s.get(0).subheading().digits()).isEqualTo("020230");
    assertThat(s.get(0).heading()).isEqualTo("0202");
    assertThat(s.get(0).chapter()).isEqualTo("02");
    assertThat(s.get(0).evidence()).anyMatch(e -> e.contains("boneless"));
    assertThat(s).extracting(Suggestion::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(s).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
    assertThat(s.stream().mapToDouble(Suggestion::confidence).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
  }

  @ParameterizedTest
  @CsvSource({
    "laptop computer 14 inch, 8471",
    "노트북 컴퓨터, 8471",
    "men's running sneakers, 6404",
    "냉동 삼겹살, 0203",
    "笔记本电脑, 8471",
    "ノートパソコン, 8471",
    "máy tính xách tay, 8471",
    "ทุเรียนสด, 0810"
  })
  void glossaryCarriesTradeNamesAndOtherLanguages(String text, String heading) {
    assertThat(suggester.suggest(text, 3).get(0).heading()).isEqualTo(heading);
  }

  @Test
  void excludedGoodsDoNotMatchTheirExclusion() {
    // 6205.20 reads "(not knitted or crocheted)": the word knitted must not pull towards it
    assertThat(suggester.suggest("men's cotton shirts knitted", 1).get(0).heading()).isEqualTo("6105");
  }

  @Test
  void confidenceIsLowerWhenFewWordsAreExplained() {
    double known = suggester.suggest("frozen boneless beef", 1).get(0).confidence();
    double vague = suggester.suggest("frozen zqxv wrtpl blorf item", 1).get(0).confidence();
    assertThat(vague).isLessThan(known);
  }

  @Test
  void nothingKnownGivesNoSuggestion() {
    assertThat(suggester.suggest("zqxv wrtpl", 5)).isEmpty();
  }

  @Test
  void badInputIsATypedError() {
    assertThatThrownBy(() -> suggester.suggest("", 5)).isInstanceOf(InvalidDescriptionException.class);
    assertThatThrownBy(() -> suggester.suggest("x".repeat(20_000), 5)).isInstanceOf(InvalidDescriptionException.class);
    assertThatThrownBy(() -> suggester.suggest("beef", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
