package io.newsflow.enrich.extract;

import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Realis;

/**
 * One figure while the stages build it, in their order: the amount, its noun phrase, the cue and
 * type, whose people they are, who reports them and whether as fact. Each stage fills its own
 * fields and names the rule that decided, so the output can explain itself.
 */
final class FigureDraft {

  static final int NONE = -1;

  // amount
  final NumberExpression amount;
  final int sentence;

  // noun phrase: tokens [head, headEnd) are its head noun, or head = NONE when the amount stands alone
  int head = NONE;
  int headEnd;
  boolean peopleHead;
  /** The head refers back to people counted before: "others", "them". */
  boolean anaphoricHead;
  /** "of these soldiers", "of them": the amount counts part of a group named before. */
  boolean backReference;
  /** "of its soldiers", "of their fighters". */
  boolean possessive;
  /** The first actor named inside the noun phrase ("North Korean troops", "RSF militiamen"). */
  int nounPhraseActor = NONE;
  /** A cue the noun phrase itself holds: a casualty noun head ("12 dead") or an adjective ("two captured soldiers"). */
  CasualtyType nounCue;
  int nounCueStart = NONE;
  int nounCueEnd;
  boolean nounCueIsHead;

  // cue and type
  CasualtyType type;
  int cueStart = NONE;
  int cueEnd;
  /** Where the claimant search must not look: the cue before the amount belongs to the figure. */
  int claimEdge;
  String cueRule;
  String typeRule;
  /** The figure this one counts part of ("including 5 children", a list after "the dead included"), or null. */
  FigureDraft whole;
  /** An actor named in a list's subject ("the freed Israeli hostages included ..."), or NONE. */
  int listSubjectActor = NONE;

  // attribution and realis
  int owner = NONE;
  String ownerRule;
  int claimant = NONE;
  String claimantRule;
  boolean claimantSearched;
  Realis realis = Realis.ACTUAL;

  /** The token after an amount the noun phrase read as part of this figure ("five of the 21 sailors"), or NONE. */
  int consumedTo = NONE;

  /** Tokens [start, end) of the whole figure in the text. */
  int start;
  int end;

  FigureDraft(NumberExpression amount, int sentence) {
    this.amount = amount;
    this.sentence = sentence;
    this.headEnd = amount.end();
    this.claimEdge = amount.first();
  }

  void setCue(CasualtyType type, int cueStart, int cueEnd, String rule) {
    this.type = type;
    this.cueStart = cueStart;
    this.cueEnd = cueEnd;
    this.cueRule = rule;
  }

  boolean hasHead() {
    return head != NONE;
  }
}
