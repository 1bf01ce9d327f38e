package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
 * kept whole ({@code o4}, {@code k2}, {@code v3}) because there the letters are part of the version.
 */
public final class ModelIdentity {
    private static final Pattern ISO_DATE = Pattern.compile("(20\\d\\d)-(\\d\\d)-(\\d\\d)");
    /** Fireworks writes versions with a p for the point: {@code glm-5p2}, {@code kimi-k2p6}. */
    private static final Pattern P_POINT = Pattern.compile("(\\d)p(\\d)");
    private static final Pattern GLUED_VERSION = Pattern.compile("([a-z]{3,})(?=\\d)");
    private static final Pattern DATE_TOKEN = Pattern.compile("20\\d{6}");
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
        if (t.isEmpty() || !DATE_TOKEN.matcher(t.get(t.size() - 1)).matches()) {
            return null;
        }
        return key(t.subList(0, t.size() - 1), Set.of());
    }

    /** True when the name holds one of the words ({@code databricks-claude-haiku-4-5} holds {@code databricks}). */
    public static boolean hasWord(String name, Set<String> words) {
        return tokens(name).stream().anyMatch(words::contains);
    }

    static List<String> tokens(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        s = ISO_DATE.matcher(s).replaceAll("$1$2$3");
        s = P_POINT.matcher(s).replaceAll("$1.$2");
        s = GLUED_VERSION.matcher(s).replaceAll("$1-");
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean alnum = i < s.length() && (Character.isLetterOrDigit(s.charAt(i)));
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static String key(List<String> tokens, Set<String> dropWords) {
        List<String> words = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String t : tokens) {
            if (t.chars().allMatch(Character::isDigit)) {
                numbers.add(t);
            } else if (!dropWords.contains(t)) {
                words.add(t);
            }
        }
        Collections.sort(words);
        return String.join("-", words) + WORDS_NUMBERS + String.join("-", numbers);
    }
}
