package io.modelatlas.tokens;

/**
 * tiktoken's pre-tokenizer regexes as hand-written scanners: where the piece that starts at an index ends. Each
 * follows its regex's leftmost-first (backtracking) semantics branch by branch, with the regex's Unicode classes
 * ({@code \p{L}}, {@code \p{N}}, {@code \p{M}}, {@code \s} as White_Space) from {@link Character#getType(int)}, as
 * jtokkit's {@code UNICODE_CHARACTER_CLASS} patterns and tiktoken's Rust regexes classify them. A lone surrogate is
 * classed as U+FFFD (what tiktoken encodes it as), which is punctuation here.
 */
enum Pretokenizer {
    /**
     * {@code [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
     * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
     * |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+}
     */
    O200K {
        @Override
        int end(String s, int i) {
            int n = s.length();
            int c0 = cls(s, i);
            int w0 = width(s, i);
            boolean prefix = (c0 & (NEWLINE | LETTER | NUMBER)) == 0;
            int e;
            if (prefix && (e = casedWord(s, i + w0, n)) >= 0) {
                return contraction(s, e, n);
            }
            if ((e = casedWord(s, i, n)) >= 0) {
                return contraction(s, e, n);
            }
            if (prefix && (e = upperWord(s, i + w0, n)) >= 0) {
                return contraction(s, e, n);
            }
            if ((e = upperWord(s, i, n)) >= 0) {
                return contraction(s, e, n);
            }
            if ((c0 & NUMBER) != 0) {
                return digits(s, i, n);
            }
            if ((e = punctuation(s, i, n)) >= 0) {
                while (e < n && (s.charAt(e) == '\r' || s.charAt(e) == '\n' || s.charAt(e) == '/')) {
                    e++;
                }
                return e;
            }
            return whitespace(s, i, n);
        }

        /** {@code [UPPER]*[LOWER]+} from p, with the backtracking of the greedy star: -1 when it cannot match. */
        private int casedWord(String s, int p, int n) {
            int k = p;
            int lastLower = -1;
            while (k < n) {
                int c = cls(s, k);
                if ((c & UPPER) == 0) {
                    if ((c & LOWER) != 0) {
                        // the star keeps all of its run; the plus takes the lower-case run after it
                        int e = k;
                        while (e < n && (cls(s, e) & LOWER) != 0) {
                            e += width(s, e);
                        }
                        return e;
                    }
                    break;
                }
                if ((c & LOWER) != 0) {
                    lastLower = k;
                }
                k += width(s, k);
            }
            // the star gives back up to its last character that is also LOWER, which the plus then takes alone
            return lastLower < 0 ? -1 : lastLower + width(s, lastLower);
        }

        /** {@code [UPPER]+[LOWER]*} from p: -1 when it cannot match. */
        private int upperWord(String s, int p, int n) {
            int k = p;
            while (k < n && (cls(s, k) & UPPER) != 0) {
                k += width(s, k);
            }
            if (k == p) {
                return -1;
            }
            while (k < n && (cls(s, k) & LOWER) != 0) {
                k += width(s, k);
            }
            return k;
        }
    },

    /**
     * {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+
     * |\s+(?!\S)|\s+}
     */
    CL100K {
        @Override
        int end(String s, int i) {
            int n = s.length();
            int e = contraction(s, i, n);
            if (e > i) {
                return e;
            }
            int c0 = cls(s, i);
            int p = (c0 & (NEWLINE | LETTER | NUMBER)) == 0 ? i + width(s, i) : i;
            if (p < n && (cls(s, p) & LETTER) != 0) {
                while (p < n && (cls(s, p) & LETTER) != 0) {
                    p += width(s, p);
                }
                return p;
            }
            if ((c0 & NUMBER) != 0) {
                return digits(s, i, n);
            }
            if ((e = punctuation(s, i, n)) >= 0) {
                while (e < n && (s.charAt(e) == '\r' || s.charAt(e) == '\n')) {
                    e++;
                }
                return e;
            }
            return whitespace(s, i, n);
        }
    };

    static final int LETTER = 1;
    static final int NUMBER = 2;
    static final int MARK = 4;
    static final int SPACE = 8;
    static final int NEWLINE = 16;
    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]} */
    static final int UPPER = 32;
    /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]} */
    static final int LOWER = 64;

    private static final int[] BY_TYPE = new int[32];
    private static final byte[] ASCII = new byte[128];

    static {
        BY_TYPE[Character.UPPERCASE_LETTER] = LETTER | UPPER;
        BY_TYPE[Character.TITLECASE_LETTER] = LETTER | UPPER;
        BY_TYPE[Character.LOWERCASE_LETTER] = LETTER | LOWER;
        BY_TYPE[Character.MODIFIER_LETTER] = LETTER | UPPER | LOWER;
        BY_TYPE[Character.OTHER_LETTER] = LETTER | UPPER | LOWER;
        BY_TYPE[Character.NON_SPACING_MARK] = MARK | UPPER | LOWER;
        BY_TYPE[Character.ENCLOSING_MARK] = MARK | UPPER | LOWER;
        BY_TYPE[Character.COMBINING_SPACING_MARK] = MARK | UPPER | LOWER;
        BY_TYPE[Character.DECIMAL_DIGIT_NUMBER] = NUMBER;
        BY_TYPE[Character.LETTER_NUMBER] = NUMBER;
        BY_TYPE[Character.OTHER_NUMBER] = NUMBER;
        BY_TYPE[Character.SPACE_SEPARATOR] = SPACE;
        BY_TYPE[Character.LINE_SEPARATOR] = SPACE;
        BY_TYPE[Character.PARAGRAPH_SEPARATOR] = SPACE;
        for (int c = 0; c < 128; c++) {
            ASCII[c] = (byte) classOf(c);
        }
    }

    /** Where the piece starting at {@code i} ends (exclusive); {@code i < s.length()}. */
    abstract int end(String s, int i);

    /** The class bits of a code point (U+0085 and U+0009..U+000D are White_Space without being separators). */
    static int classOf(int cp) {
        if (cp == '\r' || cp == '\n') {
            return SPACE | NEWLINE;
        }
        if ((cp >= 0x9 && cp <= 0xd) || cp == 0x85) {
            return SPACE;
        }
        return BY_TYPE[Character.getType(cp)];
    }

    /** The class of the code point at {@code i}. A lone surrogate is U+FFFD's class: none of these bits. */
    static int cls(String s, int i) {
        char c = s.charAt(i);
        if (c < 128) {
            return ASCII[c];
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return classOf(Character.toCodePoint(c, s.charAt(i + 1)));
        }
        return Character.isSurrogate(c) ? 0 : classOf(c);
    }

    /** Chars taken by the code point at {@code i}: 2 for a surrogate pair, else 1. */
    static int width(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
    }

    /**
     * {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)} at {@code e}: its end, or {@code e} when there is none. Case-insensitive
     * with Unicode case folding, so {@code ſ} (U+017F, long s) matches {@code s}.
     */
    static int contraction(String s, int e, int n) {
        if (e + 1 >= n || s.charAt(e) != '\'') {
            return e;
        }
        char a = s.charAt(e + 1);
        switch (a) {
            case 's', 'S', '\u017f', 't', 'T', 'm', 'M', 'd', 'D' -> {
                return e + 2;
            }
            case 'r', 'R', 'v', 'V' -> {
                return e + 2 < n && (s.charAt(e + 2) == 'e' || s.charAt(e + 2) == 'E') ? e + 3 : e;
            }
            case 'l', 'L' -> {
                return e + 2 < n && (s.charAt(e + 2) == 'l' || s.charAt(e + 2) == 'L') ? e + 3 : e;
            }
            default -> {
                return e;
            }
        }
    }

    /** {@code \p{N}{1,3}} at i, which is a number. */
    static int digits(String s, int i, int n) {
        int e = i;
        for (int k = 0; k < 3 && e < n && (cls(s, e) & NUMBER) != 0; k++) {
            e += width(s, e);
        }
        return e;
    }

    /** {@code ?[^\s\p{L}\p{N}]+} at i: its end, or -1. */
    static int punctuation(String s, int i, int n) {
        int p = i;
        if (s.charAt(i) == ' ' && i + 1 < n && isPunctuation(cls(s, i + 1))) {
            p = i + 1;
        }
        if (!isPunctuation(cls(s, p))) {
            return -1;
        }
        while (p < n && isPunctuation(cls(s, p))) {
            p += width(s, p);
        }
        return p;
    }

    private static boolean isPunctuation(int c) {
        return (c & (SPACE | LETTER | NUMBER)) == 0;
    }

    /** {@code \s*[\r\n]+|\s+(?!\S)|\s+} at i, which is white space (all of it is in the BMP). */
    static int whitespace(String s, int i, int n) {
        int k = i;
        int lastNewline = -1;
        while (k < n && (cls(s, k) & SPACE) != 0) {
            char c = s.charAt(k);
            if (c == '\r' || c == '\n') {
                lastNewline = k;
            }
            k++;
        }
        if (lastNewline >= 0) {
            return lastNewline + 1;
        }
        if (k == n || k - i == 1) {
            return k;
        }
        return k - 1;
    }
}
