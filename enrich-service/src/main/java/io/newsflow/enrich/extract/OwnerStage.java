package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import java.util.List;

/**
 * Stage 5: whose people the figure counts. The rules are tried in this order; the first with an
 * answer decides, and a figure pooled over several sides has no owner at all. The figure keeps
 * the name of the rule that decided ({@code --explain}).
 */
final class OwnerStage {

  /** One way of telling whose people are counted: an actor index, {@link #UNKNOWN} or {@link #NOBODY}. */
  interface OwnerRule {
    String name();

    int owner(FigureDraft f, Passage p);
  }

  /** The rule has no answer; the next one is asked. */
  static final int UNKNOWN = -1;
  /** The figure has no single owner; no later rule is asked. */
  static final int NOBODY = -2;

  /** Words between the people and a later appositive that names their group: "two soldiers – the first captives from North Korea". */
  static final int APPOSITION_WINDOW = 6;
  /** How far before a toll its owner may be named: "the Malian army death toll". */
  static final int TOLL_OWNER_WINDOW = 3;

  private final List<OwnerRule> rules;

  OwnerStage(ClaimantStage claimants) {
    this.rules = List.of(
        new Pooled(), new NounPhrase(), new GroupAfterHead(), new PartOf(), new OwnLoss(), new EarlierFigure(),
        new Possessive(), new Attacker(), new BackReference(), new TollOwner(), new Sender(), new ReportingState(claimants),
        new HostStateForces());
  }

  void decide(FigureDraft f, Passage p) {
    for (OwnerRule rule : rules) {
      int owner = rule.owner(f, p);
      if (owner != UNKNOWN) {
        f.owner = owner == NOBODY ? FigureDraft.NONE : owner;
        f.ownerRule = rule.name();
        return;
      }
    }
  }

  /** "26,000 civilians and soldiers", "dozens of Wagner mercenaries and Malian soldiers": no single side. */
  static final class Pooled implements OwnerRule {
    public String name() {
      return "pooled";
    }

    public int owner(FigureDraft f, Passage p) {
      if (f.hasHead() && ((p.is(f.head, Role.NO_OWNER) && !f.possessive) || p.is(f.headEnd, Role.BOTH_SIDES))) {
        return NOBODY; // peacekeepers and crews have no owner by the labelling rules; "fighters from both sides"
      }
      if (!f.peopleHead || !p.is(f.headEnd, Role.COORDINATION)) {
        return UNKNOWN;
      }
      int k = f.headEnd + 1;
      int otherActor = UNKNOWN;
      while (p.mentionAt(k) >= 0) {
        otherActor = p.groupActorOf(p.mentionAt(k));
        k = p.mentionEnd(k);
      }
      if (!p.is(k, Role.PEOPLE)) {
        return UNKNOWN; // "soldiers and a civilian contractor" counts the soldiers; "and 40 civilians" is a figure of its own
      }
      if (p.is(f.head, Role.STATE_FORCE) && p.is(k, Role.STATE_FORCE) && otherActor == UNKNOWN) {
        return UNKNOWN; // "2,700 soldiers and police": one state's forces
      }
      int own = f.nounPhraseActor;
      return own == UNKNOWN || otherActor == UNKNOWN || own != otherActor ? NOBODY : UNKNOWN;
    }
  }

  /** An actor inside the noun phrase: "North Korean troops", "1,500 injured Eritrean soldiers", "13 Israelis". */
  static final class NounPhrase implements OwnerRule {
    public String name() {
      return "noun-phrase";
    }

    public int owner(FigureDraft f, Passage p) {
      if (f.nounPhraseActor >= 0) {
        return f.nounPhraseActor;
      }
      return f.hasHead() && p.mentionAt(f.head) >= 0 ? p.groupActorOf(p.mentionAt(f.head)) : UNKNOWN;
    }
  }

  /** "members of Hamas", "troops from Chad", "one from the Philippines", "two soldiers – the first captives from North Korea". */
  static final class GroupAfterHead implements OwnerRule {
    public String name() {
      return "group-after-head";
    }

    public int owner(FigureDraft f, Passage p) {
      int after = f.hasHead() ? f.headEnd : f.amount.end();
      int group = groupAt(p, after, f.sentence);
      if (group == UNKNOWN && f.hasHead() && (p.isDash(after) || p.tokens.isPunct(after, ','))) {
        for (int k = after + 1; k < after + APPOSITION_WINDOW && p.inSentence(k, f.sentence); k++) {
          Phrase noun = p.at(k, Role.PEOPLE) != null ? p.at(k, Role.PEOPLE) : p.at(k, Role.CASUALTY_NOUN);
          if (noun != null) {
            return groupAt(p, k + noun.length(), f.sentence);
          }
          if (p.tokens.isPunct(k)) {
            break;
          }
        }
      }
      return group;
    }

    private static int groupAt(Passage p, int link, int sentence) {
      Phrase owner = p.at(link, Role.OWNER_LINK);
      if (owner == null || !p.inSentence(link + owner.length(), sentence)) {
        return UNKNOWN;
      }
      int k = link + owner.length();
      if ((p.is(k, Role.PARTITIVE) || p.is(k, Role.ARTICLE)) && p.mentionAt(k) < 0) {
        k++; // "of the RSF", "the 1,200 men of a Ukrainian battalion"
      }
      return p.mentionAt(k) >= 0 ? p.groupActorOf(p.mentionAt(k)) : UNKNOWN;
    }
  }

  /** Part of a figure before: "including 5 children", "the freed Israeli hostages included eight women". */
  static final class PartOf implements OwnerRule {
    public String name() {
      return "part-of";
    }

    public int owner(FigureDraft f, Passage p) {
      if (f.listSubjectActor >= 0) {
        return f.listSubjectActor;
      }
      if (f.whole == null) {
        return UNKNOWN;
      }
      // "533 of them fighters" are the whole's people, whoever they are.
      return f.whole.owner >= 0 ? f.whole.owner : f.anaphoricHead && f.backReference ? NOBODY : UNKNOWN;
    }
  }

  /** "three soldiers were killed and five were wounded", "38 soldiers were killed and dozens others went missing". */
  static final class EarlierFigure implements OwnerRule {
    public String name() {
      return "earlier-figure";
    }

    public int owner(FigureDraft f, Passage p) {
      // a toll has its own subject: "the number of wounded stands at 106,000" is not the dead's people
      boolean refersBack = !"toll".equals(f.cueRule) && ((!f.peopleHead && !f.backReference) || (f.anaphoricHead && !f.backReference));
      FigureDraft earlier = refersBack ? p.figureBefore(f.amount.first(), 0) : null;
      if (earlier != null) {
        return earlier.owner >= 0 ? earlier.owner : UNKNOWN;
      }
      // "An Israeli soldier was killed and 6 were wounded": the people named just before, in this sentence
      int group = refersBack && !f.hasHead() && p.is(f.amount.first() - 1, Role.COORDINATION) ? p.lastGroupTokenBefore(f.amount.first()) : -1;
      return group >= 0 && p.tokens.sentence(group) == f.sentence ? p.groupActorAt(group) : UNKNOWN;
    }
  }

  /** "five of the assailants", "59 of the militants": attackers belong to the armed group named before them. */
  static final class Attacker implements OwnerRule {
    public String name() {
      return "attacker";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!f.hasHead() || !p.is(f.head, Role.ATTACKER)) {
        return UNKNOWN;
      }
      int group = p.lastArmedGroupBefore(f.amount.first());
      return group >= 0 ? group : UNKNOWN;
    }
  }

  /** "14 of its soldiers", "Hezbollah said Israeli strikes killed three of its fighters": the sentence's subject. */
  static final class Possessive implements OwnerRule {
    public String name() {
      return "possessive";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!f.possessive) {
        return UNKNOWN;
      }
      int subject = p.sentenceSubject(f.amount.first());
      if (subject < 0 && f.sentence > 0) {
        subject = p.sentenceSubject(p.sentenceStart(f.amount.first()) - 1); // "The PKK ... . It announced the deaths of nine of its members"
      }
      return subject >= 0 ? subject : UNKNOWN;
    }
  }

  /** "3,000 of these soldiers", "of them": the people just counted, or else the group named last. */
  static final class BackReference implements OwnerRule {
    public String name() {
      return "back-reference";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!f.backReference || f.possessive) {
        return UNKNOWN;
      }
      // a figure of the same sentence is the referent; across sentences, whichever is nearer
      FigureDraft referent = p.figureBefore(f.amount.first(), 1);
      int group = p.lastGroupTokenBefore(f.amount.first());
      boolean sameSentence = referent != null && referent.sentence == f.sentence;
      if (referent != null && (sameSentence || group < 0 || referent.amount.first() > group)) {
        return referent.owner >= 0 ? referent.owner : NOBODY; // "196 of whom were executed"
      }
      return group >= 0 ? p.groupActorAt(group) : UNKNOWN;
    }
  }

  /** "the Malian army death toll at 85", "Israel's death toll rose to 45". */
  static final class TollOwner implements OwnerRule {
    public String name() {
      return "toll-owner";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!"toll".equals(f.cueRule)) {
        return UNKNOWN;
      }
      Phrase toll = p.at(f.cueStart, Role.TOLL);
      int of = toll != null ? f.cueStart + toll.length() : FigureDraft.NONE;
      for (int k = of + 1; p.is(of, Role.PARTITIVE_OF) && k <= of + CueStage.COUNTED_WINDOW && k < f.amount.first(); k++) {
        if (p.mentionAt(k) >= 0) {
          return p.groupActorOf(p.mentionAt(k)); // "the number of Palestinians killed" (not "the toll from Israeli strikes")
        }
      }
      int before = p.is(f.cueStart - 1, Role.OWN) ? f.cueStart - 2 : f.cueStart - 1;
      if (p.is(before, Role.POSSESSIVE)) {
        int subject = p.subjectActor(before);
        if (subject < 0 && f.sentence > 0) {
          subject = p.sentenceSubject(p.sentenceStart(before) - 1); // "its" of the sentence before
        }
        return subject >= 0 ? subject : UNKNOWN; // "put its own dead at 3,825"
      }
      for (int k = f.cueStart - 1; k >= Math.max(0, f.cueStart - TOLL_OWNER_WINDOW) && p.inSentence(k, f.sentence); k--) {
        if (p.mentionAt(k) >= 0) {
          return p.groupActorOf(p.mentionAt(k));
        }
        if (p.tokens.isPunct(k)) {
          return UNKNOWN;
        }
      }
      return UNKNOWN;
    }
  }

  /** Deployments are the sender's: "North Korea has been sending thousands of soldiers". */
  static final class Sender implements OwnerRule {
    public String name() {
      return "sender";
    }

    public int owner(FigureDraft f, Passage p) {
      if (f.type != CasualtyType.DEPLOYED) {
        return UNKNOWN;
      }
      // "North Korea has been sending thousands", "Burundi has about 10,000 soldiers deployed"
      boolean sentBefore = f.cueStart < f.amount.first();
      if (!sentBefore && !p.is(f.amount.first() - 1, Role.HAVE)) {
        return UNKNOWN;
      }
      int sender = p.subjectActor(sentBefore ? f.cueStart : f.amount.first() - 1);
      return sender >= 0 ? sender : UNKNOWN;
    }
  }

  /** "Russia has suffered 700,000 casualties", "Kyiv brought home 189 captives", "Security forces lost one". */
  static final class OwnLoss implements OwnerRule {
    public String name() {
      return "own-loss";
    }

    public int owner(FigureDraft f, Passage p) {
      Phrase loss = p.endingAt(f.amount.first() - 1, Role.OWN_LOSS);
      if (loss == null) {
        return UNKNOWN;
      }
      int verb = f.amount.first() - loss.length();
      int subject = p.subjectActor(verb);
      if (subject >= 0) {
        return subject;
      }
      Phrase forces = p.endingAt(verb - 1, Role.STATE_FORCE);
      return forces != null && p.hostState() >= 0 ? p.hostState() : UNKNOWN;
    }
  }

  /**
   * Soldiers a state reports on are its own: "The Niger defence ministry said at least 15 soldiers
   * had been killed". Not when the state's forces are the ones who killed them ("Russia said it killed 300 soldiers").
   */
  static final class ReportingState implements OwnerRule {
    private final ClaimantStage claimants;

    ReportingState(ClaimantStage claimants) {
      this.claimants = claimants;
    }

    public String name() {
      return "reporting-state";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!countsStateForces(f, p) || "verb-before".equals(f.cueRule)) {
        return UNKNOWN;
      }
      int claimant = claimants.find(f, p);
      if (claimant < 0) {
        return UNKNOWN;
      }
      ActorEntry source = p.actor(claimant);
      if (source.type() == ActorType.ARMED_GROUP && source.affiliation() != null) {
        return p.gazetteer.actor(source.affiliation()).index(); // "The IDF said two soldiers were killed": Israel's
      }
      return source.type() == ActorType.COUNTRY ? claimant : UNKNOWN;
    }
  }

  /**
   * Soldiers the passage does not say are whose belong to its host state (see {@link HostState}),
   * unless that state is the one acting on them ("Malian troops captured 12 soldiers").
   */
  static final class HostStateForces implements OwnerRule {
    public String name() {
      return "host-state";
    }

    public int owner(FigureDraft f, Passage p) {
      if (!countsStateForces(f, p)) {
        return UNKNOWN;
      }
      int host = p.hostState() >= 0 ? p.hostState() : governmentForces(f, p) ? p.mostNamedCountry() : -1;
      if (host < 0) {
        return UNKNOWN;
      }
      if ("verb-before".equals(f.cueRule)) {
        int agent = p.subjectActor(f.cueStart);
        // "JNIM kidnapped two soldiers", "gunmen killed 12 soldiers"; not "Russian forces killed 12 soldiers"
        boolean nonStateAgent = agent < 0 || (p.actor(agent).type() == ActorType.ARMED_GROUP && p.actor(agent).affiliation() == null);
        return nonStateAgent && agent != host ? host : UNKNOWN;
      }
      return host;
    }

    /** "423 government security personnel": the noun phrase itself says they are a state's. */
    private static boolean governmentForces(FigureDraft f, Passage p) {
      for (int k = f.amount.end(); k < f.headEnd - 1; k++) {
        if (p.is(k, Role.STATE_INSTITUTION)) {
          return true;
        }
      }
      return false;
    }
  }

  static boolean countsStateForces(FigureDraft f, Passage p) {
    return f.hasHead() && p.is(f.head, Role.STATE_FORCE);
  }
}
