package io.newsflow.schema;

import java.time.Instant;
import java.util.List;

/** Fully populated records of every type, for round-trip tests. */
final class SampleRecords {
  static final Instant PUBLISHED = Instant.parse("2024-12-20T10:15:30Z");

  static RawArticle raw() {
    return RawArticle.newBuilder()
        .setId("a1").setSource("file").setUrl("https://example.org/a1").setTitle("North Korean troops")
        .setText("Reports from Kiev indicate that over 3,000 of these soldiers have been killed.")
        .setLanguage("en").setPublishedAt(PUBLISHED).setIngestedAt(PUBLISHED.plusSeconds(60))
        .setContentHash("ab".repeat(32)).build();
  }

  static EnrichedArticle enriched() {
    RawArticle raw = raw();
    return EnrichedArticle.newBuilder()
        .setId(raw.getId()).setSource(raw.getSource()).setUrl(raw.getUrl()).setTitle(raw.getTitle())
        .setText(raw.getText()).setLanguage(raw.getLanguage()).setPublishedAt(raw.getPublishedAt())
        .setIngestedAt(raw.getIngestedAt()).setContentHash(raw.getContentHash())
        .setActors(List.of(Actor.newBuilder().setId("ukraine").setName("Ukraine").setType(ActorType.COUNTRY)
            .setAffiliation(null).setMentions(1).setSpans(List.of(new Span(18, 22))).build()))
        .setCasualties(List.of(CasualtyFigure.newBuilder().setType(CasualtyType.KILLED).setValue(3000)
            .setQualifier(Qualifier.MORE_THAN).setValueMin(3001L).setValueMax(null).setActor("north-korea")
            .setClaimedBy("ukraine").setRealis(Realis.ACTUAL).setStart(34).setEnd(80)
            .setText("over 3,000 of these soldiers have been killed").build()))
        .setExtractorVersion("test").setEnrichedAt(PUBLISHED.plusSeconds(61)).build();
  }

  static ActorStats actorStats() {
    FigureReport report = FigureReport.newBuilder().setValue(3000).setQualifier(Qualifier.MORE_THAN)
        .setValueMin(3001L).setValueMax(null).setClaimedBy("ukraine").setArticleId("a1")
        .setReportedAt(PUBLISHED).setText("over 3,000 of these soldiers have been killed").build();
    return ActorStats.newBuilder().setActorId("north-korea").setName("North Korea").setType(ActorType.COUNTRY)
        .setAffiliation(null).setArticles(1).setMentions(7).setFirstSeen(PUBLISHED).setLastSeen(PUBLISHED)
        .setCoActors(List.of(new CoActor("russia", 1L)))
        .setCasualties(List.of(new CasualtyStats(CasualtyType.KILLED_OR_WOUNDED, 1L, report, report)))
        .setUpdatedAt(PUBLISHED.plusSeconds(62)).build();
  }

  private SampleRecords() {}
}
