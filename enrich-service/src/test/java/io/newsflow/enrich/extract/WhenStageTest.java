package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.CasualtyFigure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link WhenStage} through the whole extractor, with sentences of our own; published on Wednesday 2024-12-18. */
class WhenStageTest {

  private static final LocalDate WEDNESDAY = LocalDate.of(2024, 12, 18);
  private static final Extractor EXTRACTOR = new Extractor();

  private static CasualtyFigure figure(String text, long value) {
    List<CasualtyFigure> found = EXTRACTOR.extract(text, WEDNESDAY).casualties().stream()
        .filter(f -> f.getValue() == value).toList();
    assertThat(found).as("figures of value %d in: %s", value, text).hasSize(1);
    return found.get(0);
  }

  private static void assertDays(String text, long value, String from, String to, boolean cumulative) {
    CasualtyFigure f = figure(text, value);
    assertThat(f.getEventDate()).as("eventDate of %d in: %s", value, text).isEqualTo(from == null ? null : LocalDate.parse(from));
    assertThat(f.getEventDateEnd()).as("eventDateEnd of %d in: %s", value, text).isEqualTo(to == null ? null : LocalDate.parse(to));
    assertThat(f.getCumulative()).as("cumulative of %d in: %s", value, text).isEqualTo(cumulative);
  }

  @Test
  void aWeekdayIsTheMostRecentOneOnOrBeforePublication() {
    assertDays("Shelling killed four villagers on Monday, the governor said.", 4, "2024-12-16", "2024-12-16", false);
    assertDays("Two fishermen were killed on Wednesday morning.", 2, "2024-12-18", "2024-12-18", false);
    assertDays("Raids on Saturday and Sunday killed 11 people.", 11, "2024-12-14", "2024-12-15", false);
  }

  @Test
  void calendarDatesResolveToTheLatestYearNotAfterPublication() {
    assertDays("Nine soldiers were killed on December 14 and 15 near the border.", 9, "2024-12-14", "2024-12-15", false);
    assertDays("The militia abducted 30 students on 3 March.", 30, "2024-03-03", "2024-03-03", false);
    assertDays("A landslide on Dec. 20 killed 16 miners.", 16, "2023-12-20", "2023-12-20", false);
    assertDays("On June 2, 2022, at least 40 people died in the blaze.", 40, "2022-06-02", "2022-06-02", false);
  }

  @Test
  void relativeDaysAndWeeksResolveAgainstPublication() {
    assertDays("Gunmen killed six herders yesterday.", 6, "2024-12-17", "2024-12-17", false);
    assertDays("Drone attacks overnight wounded 14 civilians.", 14, "2024-12-17", "2024-12-18", false);
    assertDays("Floods last week displaced 2,000 people.", 2000, "2024-12-09", "2024-12-15", false);
    assertDays("Clashes this week have killed 25 fighters.", 25, "2024-12-16", "2024-12-18", false);
  }

  @Test
  void runningTotalsAreCumulative() {
    assertDays("Since October 7, more than 300 aid workers have been killed.", 300, "2024-10-07", "2024-12-18", true);
    assertDays("Some 1,200 soldiers have died since the war began.", 1200, null, null, true);
    assertDays("So far this year 87 journalists have been killed.", 87, "2024-01-01", "2024-12-18", true);
  }

  @Test
  void theDayOfAStatementTheDatelineAndNoDateAreNoEventDate() {
    assertDays("Eight people were killed in the attack, police said on Tuesday.", 8, null, null, false);
    assertDays("KHARTOUM, Dec 17 (Reuters) - Fighters killed 12 villagers in a raid.", 12, null, null, false);
    assertDays("Rescuers found the bodies of 5 climbers.", 5, null, null, false);
  }

  @Test
  void theNearestExpressionOfTheSentenceWins() {
    String text = "A strike on Monday killed 3 people, and a second one on Tuesday killed 7.";
    assertDays(text, 3, "2024-12-16", "2024-12-16", false);
    assertDays(text, 7, "2024-12-17", "2024-12-17", false);
  }

  @Test
  void withoutAPublicationDayOnlyRunningTotalsWithoutADateAreKnown() {
    CasualtyFigure dated = EXTRACTOR.extract("Shelling killed four villagers on Monday.").casualties().get(0);
    assertThat(dated.getEventDate()).isNull();
    CasualtyFigure total = EXTRACTOR.extract("Some 1,200 soldiers have died since the war began.").casualties().get(0);
    assertThat(total.getCumulative()).isTrue();
  }
}
