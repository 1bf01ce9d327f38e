package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identity of a model name, independent of how a source spells it. Sources write the same model as
 * {@code claude-3-5-haiku}, {@code claude-3.5-haiku}, {@code Claude Haiku 3.5} or {@code claude_3_5_haiku}; a
 * reseller reorders words ({@code claude-4.5-haiku}) or glues a family to its version ({@code claude-opus4-5}).
 * The key keeps what tells models apart and drops what does not:
 *
 * <ul>
 *   <li>the word tokens, as a set (their order is a house style, not an identity: {@code claude-haiku-4-5} and
 *       {@code claude-4-5-haiku} are one model);</li>
 *   <li>the number tokens, in order ({@code gpt-5.4} and {@code gpt-4.5} are two models);</li>
 *   <li>dates written either way ({@code 2024-05-13} and {@code 20240513}) as one token.</li>
 * </ul>
 *
 * A word token holds a letter ({@code 4o}, {@code 70b}, {@code o3}), so {@code gpt-4o} and {@code o4} never meet.
 * Words of three or more letters glued to a version are split ({@code qwen2.5} is {@code qwen 2.5}); shorter ones are
 * kept whole ({@code o4}, {@code k2}, {@code v3}) because there the letters are part of the version. Fireworks writes
 * the point of a version as {@code p} ({@code glm-5p2}, {@code kimi-k2p6}): read as a point.
 */
public final class ModelIdentity {
    private static final char WORDS_NUMBERS = '~';

    private ModelIdentity() {}

    /** The identity key of a model name or id ({@code claude-3.5-haiku} and {@code Claude Haiku 3.5} give one key). */
    public static String key(String name) {
        return key(tokens(name), Set.of());
    }

    /** The key of a name with some word tokens left out (wrapper words such as a host's name). */
    public static String key(String name, Set<String> dropWords) {
        return key(tokens(name), dropWords);
    }

    /**
     * The key of the model a dated snapshot is a version of ({@code gpt-4o-2024-05-13} gives the key of
     * {@code gpt-4o}); null when the name ends in no date.
     */
    public static String undatedKey(String name) {
        List<String> t = tokens(name);
        String last = t.isEmpty() ? "" : t.get(t.size() - 1);
        if (!isDigits(last, 8) || !last.startsWith("20")) {
            return null;
        }
        return key(t.subList(0, t.size() - 1), Set.of());
    }

    /** True when the name holds one of the words ({@code databricks-claude-haiku-4-5} holds {@code databricks}). */
    public static boolean hasWord(String name, Set<String> words) {
        return !wordsOf(name, words).isEmpty();
    }

    /** Which of the words the name holds, in the name's order. */
    public static List<String> wordsOf(String name, Set<String> words) {
        List<String> out = new ArrayList<>(2);
        for (String t : tokens(name)) {
            if (words.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The name's tokens in one pass, linear in its length (names come from request logs too): runs of letters and
     * digits, split where a word of three or more letters meets a digit ({@code qwen2} is {@code qwen 2}) and at a
     * {@code p} between digits ({@code 5p2} is {@code 5 2}); an ISO date's three numbers become one token.
     */
    static List<String> tokens(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int letters = 0; // letters at the end of the current token
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (!Character.isLetterOrDigit(c)) {
                flush(token, out);
                letters = 0;
                continue;
            }
            boolean digit = Character.isDigit(c);
            boolean pointP = c == 'p' && i > 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            if (pointP || digit && letters >= 3) {
                flush(token, out);
                letters = 0;
                if (pointP) {
                    continue;
                }
            }
            token.append(c);
            letters = digit ? 0 : letters + 1;
        }
        return joinDates(out);
    }

    private static void flush(StringBuilder token, List<String> out) {
        if (token.length() > 0) {
            out.add(token.toString());
            token.setLength(0);
        }
    }

    /** {@code 2024 05 13} is the token {@code 20240513}, as names that write dates without separators have it. */
    private static List<String> joinDates(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 2 < tokens.size() && isYear(tokens.get(i)) && isDigits(tokens.get(i + 1), 2) && isDigits(tokens.get(i + 2), 2)) {
                out.add(tokens.get(i) + tokens.get(i + 1) + tokens.get(i + 2));
                i += 2;
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    private static boolean isYear(String t) {
        return isDigits(t, 4) && t.charAt(0) == '2' && t.charAt(1) == '0';
    }

    private static boolean isDigits(String t, int length) {
        return t.length() == length && isDigits(t);
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    private static String key(List<String> tokens, Set<String> dropWords) {
        List<String> words = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String t : tokens) {
            if (isDigits(t)) {
                numbers.add(t);
            } else if (!dropWords.contains(t)) {
                words.add(t);
            }
        }
        Collections.sort(words);
        return String.join("-", words) + WORDS_NUMBERS + String.join("-", numbers);
    }
}
