package io.newsflow.enrich.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and phrases the casualty extractor reads, by role, from {@code lexicon.tsv}.
 * Words are looked up straight from the article's chars (no substring, no allocation) in an
 * open-addressing table; phrases are sequences of word ids.
 */
final class Lexicon {

  /** What a word or phrase does for the rules; {@code lexicon.tsv} documents each. At most 64 roles. */
  enum Role {
    NUMBER, SCALE, DOZEN, VAGUE, FEW, QUALIFIER, RANGE_JOIN, RANGE_START, CHANGE_START, ARTICLE, NUMBER_JOIN, HALF, PARTITIVE_OF,
    OWNER_LINK, SOURCE_LINK, COORDINATION, LOCATIVE, DETERMINER, PEOPLE, CASUALTY_NOUN, CUE, CUE_BEFORE, NOMINAL, TOLL,
    REACH, INCLUDE_VERB, HAVE, PREPOSITION, OTHERS, STATE_FORCE, STATE_INSTITUTION, ATTACKER, NO_OWNER, BOTH_SIDES, AMONG, COPULA, AUXILIARY, UNIT, MONTH, AGE,
    REPORT_VERB, ACCORDING, SOURCE_NOUN, REPORT_NOUN, HYPOTHETICAL, DENIAL, CLAUSE_BREAK, INCLUDING, OWN_LOSS, ANAPHOR,
    NEGATION, PARTITIVE, POSSESSIVE, OWN, ABBREVIATION
  }

  /** A word sequence with its role and the argument of that role (a value or a type name). */
  record Phrase(int[] words, Role role, String argument, long value) {
    int length() {
      return words.length;
    }
  }

  private static final Lexicon STANDARD = new Lexicon("lexicon.tsv");

  private final Map<String, Integer> ids = new HashMap<>();
  private char[][] tableKeys = new char[1 << 12][];
  private int[] tableIds = new int[1 << 12];
  /** Per word id: bit r set if a phrase of role r starts with it (startMask) or ends with it (endMask). */
  private long[] startMask = new long[64];
  private long[] endMask = new long[64];
  private final List<List<Phrase>> phrasesByFirstWord = new ArrayList<>();
  private final List<List<Phrase>> phrasesByRole = new ArrayList<>();

  static Lexicon standard() {
    return STANDARD;
  }

  private Lexicon(String resource) {
    for (int r = 0; r < Role.values().length; r++) {
      phrasesByRole.add(new ArrayList<>());
    }
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        String[] head = cols[0].split(":", 2);
        Role role = Role.valueOf(head[0]);
        String argument = head.length > 1 ? head[1] : null;
        long value = argument != null && argument.chars().allMatch(Character::isDigit) ? Long.parseLong(argument) : 0;
        for (String phrase : cols[1].split(";")) {
          addPhrase(phrase.trim(), role, argument, value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addPhrase(String phrase, Role role, String argument, long value) {
    String[] words = phrase.toLowerCase(Locale.ROOT).split(" +");
    int[] wordIds = Arrays.stream(words).mapToInt(this::intern).toArray();
    Phrase p = new Phrase(wordIds, role, argument, value);
    phrasesByFirstWord.get(wordIds[0]).add(p);
    phrasesByRole.get(role.ordinal()).add(p);
    startMask[wordIds[0]] |= 1L << role.ordinal();
    endMask[wordIds[wordIds.length - 1]] |= 1L << role.ordinal();
  }

  private int intern(String word) {
    Integer existing = ids.get(word);
    if (existing != null) {
      return existing;
    }
    int id = ids.size();
    ids.put(word, id);
    phrasesByFirstWord.add(new ArrayList<>());
    if (id >= startMask.length) {
      startMask = Arrays.copyOf(startMask, startMask.length * 2);
      endMask = Arrays.copyOf(endMask, endMask.length * 2);
    }
    if (ids.size() * 2 > tableKeys.length) {
      rehash(tableKeys.length * 2);
    }
    insert(word.toCharArray(), id);
    return id;
  }

  private void rehash(int capacity) {
    char[][] oldKeys = tableKeys;
    int[] oldIds = tableIds;
    tableKeys = new char[capacity][];
    tableIds = new int[capacity];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldIds[i]);
      }
    }
  }

  private void insert(char[] key, int id) {
    int mask = tableKeys.length - 1;
    int slot = hash(key, 0, key.length) & mask;
    while (tableKeys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    tableKeys[slot] = key;
    tableIds[slot] = id;
  }

  private static int hash(CharSequence text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + lower(text.charAt(i));
    }
    return h ^ (h >>> 16);
  }

  private static int hash(char[] key, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + key[i];
    }
    return h ^ (h >>> 16);
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return c == '\u2019' ? '\'' : Character.toLowerCase(c);
  }

  /** The id of text[start, end) lower-cased, or -1 when the word is not in the lexicon. */
  int wordId(CharSequence text, int start, int end) {
    int mask = tableKeys.length - 1;
    int slot = hash(text, start, end) & mask;
    while (true) {
      char[] key = tableKeys[slot];
      if (key == null) {
        return -1;
      }
      if (key.length == end - start && sameWord(key, text, start)) {
        return tableIds[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  private static boolean sameWord(char[] key, CharSequence text, int start) {
    for (int k = 0; k < key.length; k++) {
      if (key[k] != lower(text.charAt(start + k))) {
        return false;
      }
    }
    return true;
  }

  boolean startsPhrase(int wordId, Role role) {
    return wordId >= 0 && (startMask[wordId] & (1L << role.ordinal())) != 0;
  }

  boolean endsPhrase(int wordId, Role role) {
    return wordId >= 0 && (endMask[wordId] & (1L << role.ordinal())) != 0;
  }

  /** Whether a phrase of {@code role} starts at token {@code i}. */
  boolean at(Tokens tokens, int i, Role role) {
    return phraseAt(tokens, i, role) != null;
  }


  /** The longest phrase of {@code role} starting at token {@code i}, or null. */
  Phrase phraseAt(Tokens tokens, int i, Role role) {
    int first = tokens.word(i);
    if (!startsPhrase(first, role)) {
      return null;
    }
    Phrase best = null;
    for (Phrase p : phrasesByFirstWord.get(first)) {
      if (p.role() == role && (best == null || p.length() > best.length()) && matches(tokens, i, p)) {
        best = p;
      }
    }
    return best;
  }

  /** The longest phrase of {@code role} whose last word is token {@code last}, or null. */
  Phrase phraseEndingAt(Tokens tokens, int last, Role role) {
    if (last < 0 || !endsPhrase(tokens.word(last), role)) {
      return null;
    }
    Phrase best = null;
    for (Phrase p : phrasesByRole.get(role.ordinal())) {
      int first = last - p.length() + 1;
      if (first >= 0 && (best == null || p.length() > best.length()) && matches(tokens, first, p)) {
        best = p;
      }
    }
    return best;
  }

  private static boolean matches(Tokens tokens, int i, Phrase p) {
    if (i + p.length() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (tokens.word(i + k) != p.words()[k]) {
        return false;
      }
    }
    return true;
  }
}
