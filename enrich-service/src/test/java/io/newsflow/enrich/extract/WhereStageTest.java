package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link WhereStage} through the whole extractor, with sentences of our own. */
class WhereStageTest {

  private static final Extractor EXTRACTOR = new Extractor();

  private static Location place(String text, long value) {
    List<CasualtyFigure> found = EXTRACTOR.extract(text).casualties().stream().filter(f -> f.getValue() == value).toList();
    assertThat(found).as("figures of value %d in: %s", value, text).hasSize(1);
    return found.get(0).getLocation();
  }

  private static void assertPlace(String text, long value, String placeId) {
    Location where = place(text, value);
    assertThat(where == null ? null : where.getPlaceId()).as("place of %d in: %s", value, text).isEqualTo(placeId);
  }

  @Test
  void aRegionWithOrWithoutItsGenericWord() {
    assertPlace("Fourteen conscripts were killed in the Belgorod region on Sunday.", 14, "russia.belgorod");
    assertPlace("Drone strikes killed 6 people in Zaporizhzhia oblast.", 6, "ukraine.zaporizhzhia");
    assertPlace("Militants abducted 25 farmers in Zamfara state.", 25, "nigeria.zamfara");
    assertPlace("At least 19 civilians died in North Darfur after the shelling.", 19, "sudan.northern-darfur");
    assertPlace("Floods displaced 3,000 people in the eastern province of Ituri.", 3000, "dr-congo.ituri");
  }

  @Test
  void aTownAfterALocativeWordWithItsRegionAndCoordinates() {
    Location where = place("Shelling near Kramatorsk killed three miners.", 3);
    assertThat(where.getPlaceId()).isEqualTo("ukraine.donetsk.kramatorsk");
    assertThat(where.getCountryId()).isEqualTo("ukraine");
    assertThat(where.getRegionId()).isEqualTo("ukraine.donetsk");
    assertThat(where.getLat()).isBetween(48.0, 49.5);
    assertThat(where.getLon()).isBetween(37.0, 38.5);
    assertPlace("Seven aid workers were killed on the outskirts of Nyala.", 7, "sudan.southern-darfur.nyala");
    assertPlace("An air strike killed 12 people in the city of Idlib.", 12, "syria.idlib.idlib");
  }

  @Test
  void pressSpellingsFindGeoNamesNames() {
    assertPlace("Nine people were killed in Jabalia, medics said.", 9, "palestine.gaza-strip.jabalya");
    assertPlace("Four volunteers were wounded in Kupiansk.", 4, "ukraine.kharkiv.kupjansk");
    assertPlace("A strike killed 15 people across Gaza.", 15, "palestine.gaza-strip");
  }

  @Test
  void aPlaceInsideANamedOneIsResolvedInIt() {
    assertPlace("Gunmen killed 31 villagers in Borno state's Gwoza district.", 31, "nigeria.borno.gwoza");
    assertPlace("Eight soldiers died in Russia's Kursk region.", 8, "russia.kursk");
    assertPlace("Clashes in Tripoli, Lebanon, killed 5 men.", 5, "lebanon.north-lebanon.tripoli");
  }

  @Test
  void aCountryIsAPlaceButItsDemonymIsNot() {
    Location where = place("Twenty-one people were killed in southern Lebanon.", 21);
    assertThat(where.getPlaceId()).isEqualTo("lebanon");
    assertThat(where.getRegionId()).isNull();
    assertThat(where.getLat()).isNull();
    assertPlace("Twelve North Korean soldiers were killed, Seoul said.", 12, null);
  }

  @Test
  void theMostPreciseOfPlacesInsideOneAnother() {
    assertPlace("After fighting in the Kharkiv region, in north-eastern Ukraine, 40 soldiers were reported killed.", 40,
        "ukraine.kharkiv");
  }

  @Test
  void theNearestPlaceToTheFigureInItsSentence() {
    String text = "Strikes killed 4 people in Odesa and 6 in Kherson.";
    assertPlace(text, 4, "ukraine.odesa.odessa");
    assertPlace(text, 6, "ukraine.kherson.kherson");
  }

  @Test
  void anEarlierSentenceOfTheParagraphWhenItNamesOnePlace() {
    assertPlace("Heavy fighting raged in Bakhmut. Eleven soldiers were killed.", 11, "ukraine.donetsk.bakhmut");
    assertPlace("Eleven soldiers were killed. Their families live in Lviv.", 11, null);
    assertPlace("Fighting raged in Bakhmut and in Sumy. Eleven soldiers were killed.", 11, null);
    assertPlace("Heavy fighting raged in Bakhmut.\nEleven soldiers were killed.", 11, null);
  }

  @Test
  void ambiguousNamesAreResolvedByTheCountriesTheArticleNames() {
    assertPlace("Clashes in Tripoli killed 9 fighters.", 9, null); // Lebanon's or Libya's
    assertPlace("Clashes in Tripoli killed 9 fighters, Libyan officials said.", 9, "libya.tripoli.tripoli");
    assertPlace("A storm killed 6 people in Georgia, the US weather service said.", 6, "united-states.georgia");
    assertPlace("Shelling killed 6 people in Georgia, officials in Tbilisi said.", 6, "georgia");
    assertPlace("A small plane crash in Montana killed 4 people, US officials said.", 4, "united-states.montana");
  }

  @Test
  void theDatelineAndWhereSomeoneSpokeAreNoPlace() {
    assertPlace("ODESA, Ukraine (AP) — Five people were killed on Monday, officials said.", 5, null);
    assertPlace("Speaking in Geneva, the envoy said 30 civilians were killed.", 30, null);
    assertPlace("The minister told reporters in Brussels that 16 soldiers were killed.", 16, null);
  }

  @Test
  void troopsSentToAPlace() {
    assertPlace("About 2,000 soldiers were deployed to the Bryansk region.", 2000, "russia.bryansk");
  }
}
