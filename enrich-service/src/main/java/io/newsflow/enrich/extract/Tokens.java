package io.newsflow.enrich.extract;

import java.util.Arrays;

/**
 * The article as tokens in parallel arrays (reused between articles, so tokenizing allocates
 * nothing once warm): words with their lexicon id, numbers with their value, punctuation,
 * and the sentence each token belongs to.
 */
final class Tokens {

  static final byte WORD = 0;
  static final byte NUMBER = 1;
  static final byte PUNCT = 2;

  private final Lexicon lexicon;
  private CharSequence text;
  private int size;
  private int[] start = new int[1024];
  private int[] end = new int[1024];
  private byte[] kind = new byte[1024];
  private int[] word = new int[1024];
  private int[] sentence = new int[1024];
  private double[] number = new double[1024];

  Tokens(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  void tokenize(CharSequence text) {
    this.text = text;
    size = 0;
    int n = text.length();
    int i = 0;
    int currentSentence = 0;
    while (i < n) {
      char c = text.charAt(i);
      int before = size;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c >= '0' && c <= '9') {
        i = readNumber(i, n);
      } else if (Character.isLetter(c)) {
        i = readWord(i, n);
      } else if ((c == '\'' || c == '\u2019') && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
          && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2)))) {
        add(i, i + 2, WORD, lexicon.wordId("'s", 0, 2), 0);
        i += 2;
      } else {
        add(i, i + 1, PUNCT, c, 0);
        i++;
      }
      for (int t = before; t < size; t++) {
        sentence[t] = currentSentence;
        // A sentence ends after . ! ? unless the word before is an abbreviation or an initial.
        if (kind[t] == PUNCT && isSentenceEnd(t)) {
          currentSentence++;
        }
      }
    }
  }

  private boolean isSentenceEnd(int t) {
    int c = word[t];
    if (c != '.' && c != '!' && c != '?') {
      return false;
    }
    if (c == '.' && t > 0 && kind[t - 1] == WORD && end[t - 1] == start[t]) {
      int len = end[t - 1] - start[t - 1];
      boolean initial = len == 1 && Character.isUpperCase(text.charAt(start[t - 1]));
      return !initial && !lexicon.startsPhrase(word[t - 1], Lexicon.Role.ABBREVIATION);
    }
    return true;
  }

  private int readNumber(int i, int n) {
    int s = i;
    double value = 0;
    double fraction = 0;
    boolean decimal = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (decimal) {
          fraction /= 10;
          value += (c - '0') * fraction;
        } else {
          value = value * 10 + (c - '0');
        }
        i++;
      } else if ((c == ',' || c == '.') && i + 1 < n && isDigit(text.charAt(i + 1)) && !decimal) {
        // "11,000" groups thousands; "1.2" is a decimal; "1,5" stays two numbers.
        if (c == '.') {
          decimal = true;
          fraction = 1;
        } else if (!groupOfThree(i + 1, n)) {
          break;
        }
        i++;
      } else {
        break;
      }
    }
    if (i < n && (text.charAt(i) == 'k' || text.charAt(i) == 'K') && (i + 1 >= n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
      add(s, i + 1, NUMBER, -1, value * 1000);
      return i + 1;
    }
    if (i < n && Character.isLetter(text.charAt(i))) {
      // "22nd", "5km": a word, not a count.
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      add(s, i, WORD, -1, 0);
      return i;
    }
    add(s, i, NUMBER, -1, value);
    return i;
  }

  private boolean groupOfThree(int i, int n) {
    return i + 2 < n && isDigit(text.charAt(i)) && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
        && (i + 3 >= n || !isDigit(text.charAt(i + 3)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int readWord(int i, int n) {
    int s = i;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        i++;
      } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
          && !((text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S') && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))))) {
        i++; // "didn't", "Sana'a"; but "Ukraine's" splits off "'s"
      } else if (c == '.' && i - s == 1 && i + 1 < n && Character.isUpperCase(text.charAt(s)) && Character.isUpperCase(text.charAt(i + 1))) {
        // "U.S.", "U.N.": letters and dots are one word
        while (i + 1 < n && text.charAt(i) == '.' && Character.isUpperCase(text.charAt(i + 1))) {
          i += 2;
        }
        if (i < n && text.charAt(i) == '.') {
          i++;
        }
        break;
      } else {
        break;
      }
    }
    add(s, i, WORD, lexicon.wordId(text, s, i), 0);
    return i;
  }

  private void add(int s, int e, byte k, int w, double value) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      kind = Arrays.copyOf(kind, cap);
      word = Arrays.copyOf(word, cap);
      sentence = Arrays.copyOf(sentence, cap);
      number = Arrays.copyOf(number, cap);
    }
    start[size] = s;
    end[size] = e;
    kind[size] = k;
    word[size] = w;
    number[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  int start(int t) {
    return start[t];
  }

  int end(int t) {
    return end[t];
  }

  boolean isWord(int t) {
    return t >= 0 && t < size && kind[t] == WORD;
  }

  boolean isNumber(int t) {
    return t >= 0 && t < size && kind[t] == NUMBER;
  }

  boolean isPunct(int t, char c) {
    return t >= 0 && t < size && kind[t] == PUNCT && word[t] == c;
  }

  boolean isPunct(int t) {
    return t >= 0 && t < size && kind[t] == PUNCT;
  }

  /** Lexicon id of a word token; -1 for unknown words, numbers and punctuation. */
  int word(int t) {
    return t >= 0 && t < size && kind[t] == WORD ? word[t] : -1;
  }

  double number(int t) {
    return number[t];
  }

  int sentence(int t) {
    return sentence[t];
  }

  boolean isCapitalized(int t) {
    return Character.isUpperCase(text.charAt(start[t]));
  }

  /** The first token whose end is after {@code offset} (binary search). */
  int tokenAt(int offset) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (end[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  CharSequence text() {
    return text;
  }
}
