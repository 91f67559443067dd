package io.newsflow.enrich.extract;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Location;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds reported casualty figures as ordered stages, each a set of small named rules:
 * amount -> noun phrase -> cue -> type -> owner -> claimant -> realis. Past the indexes of mentions
 * and groups built once per article ({@link Passage}), the rules read only the tokens around an amount.
 *
 * <ol>
 *   <li>{@link AmountStage}: an amount that may count people (not a year, an age, money, a unit).
 *   <li>{@link NounPhraseStage}: its noun phrase, head noun and any actor or cue inside it.
 *   <li>{@link CueStage}: what happened to them ("killed", "the death toll rose to", a list after "included").
 *   <li>{@link TypeStage}: which type wins when the text gives more than one.
 *   <li>{@link OwnerStage}: whose people they are.
 *   <li>{@link ClaimantStage}: who reports the figure.
 *   <li>{@link RealisStage}: reported as fact, denied, or supposed.
 *   <li>{@link WhenStage}: the days its event happened, resolved against the publication day.
 *   <li>{@link WhereStage}: the place its event happened, from the place gazetteer ({@link Places}).
 * </ol>
 */
final class CasualtyExtractor {

  private final Passage passage;
  private final AmountStage amounts = new AmountStage();
  private final NounPhraseStage nounPhrases = new NounPhraseStage();
  private final CueStage cues = new CueStage();
  private final TypeStage types = new TypeStage();
  private final ClaimantStage claimants = new ClaimantStage();
  private final OwnerStage owners = new OwnerStage(claimants);
  private final RealisStage realis = new RealisStage();
  private final WhenStage when = new WhenStage();
  private final WhereStage where = new WhereStage(Places.standard());

  CasualtyExtractor(Lexicon lexicon, Gazetteer gazetteer) {
    this.passage = new Passage(lexicon, gazetteer);
  }

  /** {@code published}: the day relative dates resolve against ("on Monday"), or null to resolve none. */
  void extract(CharSequence text, Tokens tokens, ActorMentions mentions, LocalDate published, List<CasualtyFigure> out,
      List<FigureExplanation> why) {
    Passage p = passage;
    p.reset(text, tokens, mentions);
    int datelineEnd = WhenStage.datelineEnd(text); // no date nor place before it
    when.startArticle(text, published, datelineEnd);
    where.startArticle(text, datelineEnd, countryMentions(p));
    int t = 0;
    while (t < tokens.size()) {
      NumberExpression amount = amounts.read(p, t);
      if (amount == null) {
        t++;
        continue;
      }
      FigureDraft f = figureAt(p, amount);
      if (f != null) {
        p.figures.add(f);
        out.add(toFigure(p, f));
        if (why != null) {
          why.add(new FigureExplanation(f.cueRule, f.typeRule, f.ownerRule, f.claimantRule));
        }
      }
      t = Math.max(Math.max(t + 1, amount.end()), f != null ? f.consumedTo : 0);
    }
  }

  private FigureDraft figureAt(Passage p, NumberExpression amount) {
    FigureDraft f = new FigureDraft(amount, p.tokens.sentence(amount.first()));
    nounPhrases.read(f, p);
    cues.find(f, p);
    if (f.type == null) {
      return null;
    }
    types.decide(f, p);
    f.start = Math.min(amount.first(), f.cueStart);
    f.end = Math.max(Math.max(f.headEnd, f.cueEnd), amount.end());
    owners.decide(f, p);
    claimants.decide(f, p);
    realis.decide(f, p);
    return f;
  }

  private CasualtyFigure toFigure(Passage p, FigureDraft f) {
    int from = p.tokens.start(f.start);
    int to = p.tokens.end(f.end - 1);
    NumberExpression a = f.amount;
    int sentenceStart = p.tokens.start(sentenceFirst(p.tokens, f.start));
    int sentenceEnd = p.tokens.end(sentenceLast(p.tokens, f.end - 1));
    WhenStage.When w = when.find(sentenceStart, sentenceEnd, from, to);
    Places.Place place = where.find(sentenceStart, sentenceEnd, paragraphStart(p.text, sentenceStart),
        paragraphEnd(p.text, sentenceEnd), from, to);
    return new CasualtyFigure(f.type, a.value(), a.qualifier(), a.valueMin(), a.valueMax(),
        f.owner < 0 ? null : p.actor(f.owner).id(), f.claimant < 0 ? null : p.actor(f.claimant).id(),
        f.realis, from, to, p.text.subSequence(from, to).toString(),
        w == null ? null : w.from(), w == null ? null : w.to(), w != null && w.cumulative(), location(place));
  }

  /** The article's mentions of countries, by name, demonym or capital: they settle place names several countries share. */
  private static List<WhereStage.CountryMention> countryMentions(Passage p) {
    List<WhereStage.CountryMention> countries = new ArrayList<>();
    for (int m = 0; m < p.mentions.size(); m++) {
      ActorEntry actor = p.actor(p.mentions.actor(m));
      if (actor.type() == ActorType.COUNTRY) {
        countries.add(new WhereStage.CountryMention(p.mentions.start(m), p.mentions.end(m), actor.id()));
      }
    }
    return countries;
  }

  private static Location location(Places.Place place) {
    return place == null ? null
        : new Location(place.name(), place.id(), place.countryId(), Places.standard().byId(place.countryId()).name(),
            place.regionId(), place.regionId() == null ? null : Places.standard().byId(place.regionId()).name(), place.lat(), place.lon());
  }

  /** Paragraphs are separated by line breaks. */
  private static int paragraphStart(CharSequence text, int at) {
    while (at > 0 && text.charAt(at - 1) != '\n') {
      at--;
    }
    return at;
  }

  private static int paragraphEnd(CharSequence text, int at) {
    while (at < text.length() && text.charAt(at) != '\n') {
      at++;
    }
    return at;
  }

  private static int sentenceFirst(Tokens tokens, int t) {
    while (t > 0 && tokens.sentence(t - 1) == tokens.sentence(t)) {
      t--;
    }
    return t;
  }

  private static int sentenceLast(Tokens tokens, int t) {
    while (t + 1 < tokens.size() && tokens.sentence(t + 1) == tokens.sentence(t)) {
      t++;
    }
    return t;
  }
}
