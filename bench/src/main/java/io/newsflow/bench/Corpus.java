package io.newsflow.bench;

import io.newsflow.enrich.extract.ActorEntry;
import io.newsflow.enrich.extract.Gazetteer;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of news-like articles: the same seed gives the same articles. Lengths
 * follow a log-normal spread between 1 and 15 KB with a median near the seed article's 7 KB;
 * text mixes filler prose, actors drawn from the gazetteer, casualty phrases in every form the
 * extractor reads, and distractor numbers (years, money, percentages, distances).
 */
public final class Corpus {

  private static final String[] FILLER = {
      "Diplomats met again on Tuesday without announcing any agreement.",
      "The talks are expected to resume next week, officials said.",
      "Analysts warned that the situation remained volatile along the front.",
      "Aid agencies said access to the area was still restricted.",
      "The offensive has reshaped the balance of power in the region.",
      "Residents described long queues for water and fuel in the city.",
      "The government has promised an inquiry into the incident.",
      "Satellite images showed new fortifications along the river.",
      "Markets reacted calmly to the news on Wednesday morning.",
      "A ceasefire agreed in the spring collapsed within days.",
  };
  private static final String[] NUMBER_FORMS = {
      "%d", "more than %d", "at least %d", "around %d", "nearly %d", "up to %d", "some %,d", "over %,d",
  };
  private static final String[] WORD_FORMS = {
      "a dozen", "dozens of", "hundreds of", "thousands of", "two", "eleven thousand", "twenty-five", "scores of",
  };
  private static final String[] CASUALTY = {
      "%s %s soldiers were killed in the fighting.",
      "%s %s civilians were wounded when shells hit the market.",
      "%s %s troops were sent to the border.",
      "Strikes killed %s %s fighters overnight.",
      "%s %s people fled their homes after the attack.",
      "%s %s prisoners of war were exchanged.",
      "%s %s soldiers remain missing after the assault.",
  };
  private static final String[] DISTRACTOR = {
      "The war began in February %d.",
      "Inflation reached %d percent last month.",
      "The column advanced %d kilometres in two days.",
      "Parliament approved $%d million in new spending.",
      "A %d-year-old volunteer described the evacuation.",
  };

  private Corpus() {}

  public static List<RawArticle> generate(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ActorEntry> states = Gazetteer.standard().actors().stream().filter(a -> a.type() == ActorType.COUNTRY).toList();
    List<ActorEntry> others = Gazetteer.standard().actors().stream().filter(a -> a.type() != ActorType.COUNTRY).toList();
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    List<RawArticle> articles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int target = (int) Math.max(1000, Math.min(15_000, Math.exp(Math.log(7000) + 0.5 * gaussian(random))));
      StringBuilder text = new StringBuilder(target + 200);
      ActorEntry focus = states.get(random.nextInt(states.size()));
      while (text.length() < target) {
        int kind = random.nextInt(10);
        if (kind < 5) {
          text.append(FILLER[random.nextInt(FILLER.length)]);
        } else if (kind < 7) {
          ActorEntry actor = random.nextBoolean() ? focus : others.get(random.nextInt(others.size()));
          text.append(actor.name()).append(" said it was monitoring the situation closely.");
        } else if (kind < 9) {
          String amount = random.nextBoolean()
              ? String.format(NUMBER_FORMS[random.nextInt(NUMBER_FORMS.length)], 2 + random.nextInt(5000))
              : WORD_FORMS[random.nextInt(WORD_FORMS.length)];
          String sentence = String.format(CASUALTY[random.nextInt(CASUALTY.length)], amount, focus.name());
          text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1));
        } else {
          text.append(String.format(DISTRACTOR[random.nextInt(DISTRACTOR.length)], 1990 + random.nextInt(40)));
        }
        text.append(random.nextInt(6) == 0 ? "\n" : " ");
      }
      String body = text.toString().trim();
      Instant published = base.plusSeconds(random.nextInt(30 * 24 * 3600));
      articles.add(RawArticle.newBuilder().setId("bench-" + seed + "-" + i).setSource("bench").setUrl(null)
          .setTitle(focus.name() + " report " + i).setText(body).setLanguage("en").setPublishedAt(published)
          .setIngestedAt(published).setContentHash(Integer.toHexString(body.hashCode())).build());
    }
    return articles;
  }

  /** Total UTF-8 bytes of the article texts. */
  public static long textBytes(List<RawArticle> articles) {
    return articles.stream().mapToLong(a -> a.getText().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
