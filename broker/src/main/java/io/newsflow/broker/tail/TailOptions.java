package io.newsflow.broker.tail;

import io.newsflow.runtime.ConfigException;

/** What {@code ./newsflow tail} was asked for; a {@link ConfigException} for bad usage. */
record TailOptions(TopicKind kind, boolean fromBeginning, String actor, long max) {

  static final String USAGE =
      "usage: newsflow tail raw|enriched|stats|dlq [--from-beginning] [--actor ID] [--max N]";

  /** No --max: follow until Ctrl-C. */
  static final long FOREVER = -1;

  static TailOptions parse(String... args) {
    if (args.length == 0) {
      throw new ConfigException("which topic? " + USAGE);
    }
    TopicKind kind = TopicKind.named(args[0]);
    boolean fromBeginning = false;
    String actor = null;
    long max = FOREVER;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--from-beginning" -> fromBeginning = true;
        case "--actor" -> actor = value(args, ++i, "--actor");
        case "--max" -> max = positive(value(args, ++i, "--max"));
        default -> throw new ConfigException("unknown option '" + args[i] + "'; " + USAGE);
      }
    }
    if (actor != null && !kind.hasActors()) {
      throw new ConfigException("--actor filters enriched or stats records, not " + kind.label());
    }
    return new TailOptions(kind, fromBeginning, actor, max);
  }

  boolean following() {
    return max == FOREVER;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new ConfigException(option + " needs a value; " + USAGE);
    }
    return args[i];
  }

  private static long positive(String text) {
    try {
      long n = Long.parseLong(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new ConfigException("--max must be a whole number above 0, got '" + text + "'");
  }
}
