package io.newsflow.enrich.extract;

/** How an alias names its actor, which decides when a match counts. */
enum AliasKind {
  /** A name of the actor: "North Korea", "DPRK", "Kim Jong Un". */
  NAME,
  /** A demonym or adjective: "North Korean", "Ukrainians". */
  DEMONYM,
  /** A capital or seat of power standing for the state: "Kiev", "the Kremlin". */
  CAPITAL,
  /** A surname that names the person alone ("Putin") unless the text introduces someone else by it. */
  SURNAME,
  /** A short form that names the person only after the full name appeared ("Kim"). */
  SHORT_FORM,
  /** A phrase that contains an actor's name but names no actor ("Latin America"). */
  BLOCK
}
