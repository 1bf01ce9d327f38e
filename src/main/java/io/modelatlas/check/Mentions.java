package io.modelatlas.check;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models an article names, resolved through {@link Catalog#find} (ids, display names, any spelling of the same
 * identity). Two careful rules reach further, both only inside the article that supports them:
 * <ul>
 *   <li>a nickname that starts with a version ({@code 4o-mini}, {@code 4.1 mini}) is read with a family the article
 *       names in full elsewhere ({@code GPT-4o Mini} makes {@code 4o-mini} mean {@code gpt-4o-mini});</li>
 *   <li>a bare word that tells the article's two main models apart ({@code Mini} in an article about GPT-4.1 and
 *       GPT-4.1 Mini) means the one whose name holds it.</li>
 * </ul>
 */
final class Mentions {
    /** A word: letters, digits and the joiners ids use inside a name; an apostrophe ends it ({@code 4.1-mini's}). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._\\-:/]*[A-Za-z0-9])?");
    /** Quantities that look like names: {@code 1M}, {@code 128K}, {@code 8x}, {@code 50ms}, {@code 2024-04}. */
    private static final Pattern QUANTITY = Pattern.compile("(?i)\\d+(?:[.,]\\d+)*(?:k|m|b|x|ms|s|mtok|st|nd|rd|th|bn|pp)?(?:-(?:tokens?|words?|pages?|bits?|shot|month))?|\\d{4}-\\d{2}(?:-\\d{2})?");
    private static final int MAX_WORDS = 4;

    private final List<Mention> all;
    private final List<Model> ranked;

    private Mentions(List<Mention> all) {
        this.all = List.copyOf(all);
        // keyed by id: a model's record equality compares every field, and one catalog holds one record per id
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Model> byId = new HashMap<>();
        all.forEach(m -> {
            counts.merge(m.model().id(), 1, Integer::sum);
            byId.putIfAbsent(m.model().id(), m.model());
        });
        this.ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(e -> byId.get(e.getKey())).toList();
    }

    static Mentions find(Article article, Catalog catalog) {
        return find(article, catalog, UnaryOperator.identity());
    }

    /** @param then how a found model is read (as it was on the article's date); called once per model */
    static Mentions find(Article article, Catalog catalog, UnaryOperator<Model> then) {
        List<Mention> full = new ArrayList<>();
        Map<Integer, List<Word>> words = new HashMap<>();
        for (int n = 1; n <= article.lineCount(); n++) {
            words.put(n, words(article.line(n)));
        }
        Set<String> families = new java.util.TreeSet<>();
        // an article names the same few models hundreds of times: each spelling is looked up once
        Map<String, Optional<Model>> memo = new HashMap<>();
        Map<String, Model> read = new HashMap<>();
        Function<String, Optional<Model>> lookup = written -> memo.computeIfAbsent(written,
                w -> catalog.find(w).map(m -> read.computeIfAbsent(m.id(), id -> then.apply(m))));
        for (int n = 1; n <= article.lineCount(); n++) {
            for (Mention m : scan(n, article.line(n), words.get(n), lookup, Set.of())) {
                full.add(m);
                families.add(family(m.model().id()));
            }
        }
        // second pass: the families the article writes out give its nicknames their meaning
        List<Mention> all = new ArrayList<>();
        for (int n = 1; n <= article.lineCount(); n++) {
            all.addAll(scan(n, article.line(n), words.get(n), lookup, families));
        }
        all.addAll(distinguishingWords(article, words, new Mentions(all)));
        all.sort(Comparator.comparingInt(Mention::line).thenComparingInt(Mention::start));
        return new Mentions(all);
    }

    List<Mention> all() {
        return all;
    }

    /** The article's models, most named first. */
    List<Model> ranked() {
        return ranked;
    }

    List<Mention> in(Article.Sentence s) {
        return all.stream().filter(m -> m.line() == s.line() && m.start() >= s.start() && m.start() < s.end()).toList();
    }

    List<Mention> inLine(int line, int from, int to) {
        return all.stream().filter(m -> m.line() == line && m.start() >= from && m.start() < to).toList();
    }

    /** The last mention that starts before the position, on this line or (within {@code linesBack}) above it. */
    Optional<Mention> before(int line, int column, int linesBack) {
        Mention best = null;
        for (Mention m : all) {
            if (m.line() < line - linesBack || m.line() > line || m.line() == line && m.start() >= column) {
                continue;
            }
            best = m;
        }
        return Optional.ofNullable(best);
    }

    private record Word(int start, int end, String text) {
        boolean hasDigit() {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<Word> words(String line) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            out.add(new Word(m.start(), m.end(), m.group()));
        }
        return out;
    }

    private static List<Mention> scan(int line, String text, List<Word> words, Function<String, Optional<Model>> catalog, Set<String> families) {
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            Mention found = null;
            for (int len = Math.min(MAX_WORDS, words.size() - i); len >= 1 && found == null; len--) {
                found = resolve(line, text, words.subList(i, i + len), catalog, families);
                if (found != null) {
                    i += len;
                }
            }
            if (found == null) {
                i++;
            } else {
                out.add(found);
            }
        }
        return out;
    }

    private static Mention resolve(int line, String text, List<Word> span, Function<String, Optional<Model>> catalog, Set<String> families) {
        Word first = span.get(0);
        Word last = span.get(span.size() - 1);
        if (span.stream().noneMatch(Word::hasDigit) || span.size() == 1 && QUANTITY.matcher(first.text()).matches()
                || QUANTITY.matcher(first.text()).matches() && families.isEmpty()) {
            return null;
        }
        for (int k = 1; k < span.size(); k++) {
            String gap = text.substring(span.get(k - 1).end(), span.get(k).start());
            if (!gap.equals(" ") && !gap.equals("-")) {
                return null; // "GPT-4.1, Mini" or "GPT-4.1 | Mini" are not one name
            }
        }
        String written = text.substring(first.start(), last.end());
        if (written.chars().noneMatch(Character::isLetter)) {
            return null;
        }
        if (families.isEmpty()) {
            return catalog.apply(written).map(m -> new Mention(m, line, first.start(), last.end(), written)).orElse(null);
        }
        if (!Character.isDigit(written.charAt(0))) {
            return catalog.apply(written).map(m -> new Mention(m, line, first.start(), last.end(), written)).orElse(null);
        }
        for (String family : families) {
            Optional<Model> m = catalog.apply(family + "-" + written);
            if (m.isPresent()) {
                return new Mention(m.get(), line, first.start(), last.end(), written);
            }
        }
        return null;
    }

    /** {@code gpt} of {@code gpt-4.1-mini}: the word a nickname leaves out. */
    static String family(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < lower.length() && Character.isLetter(lower.charAt(cut))) {
            cut++;
        }
        return lower.substring(0, cut);
    }

    /**
     * "Mini" alone, in an article whose two main models are GPT-4.1 and GPT-4.1 Mini: the word only one of them has.
     * Capitalised, as a name is written, and only when each word belongs to exactly one of the two.
     */
    private static List<Mention> distinguishingWords(Article article, Map<Integer, List<Word>> words, Mentions found) {
        if (found.ranked().size() < 2) {
            return List.of();
        }
        Model a = found.ranked().get(0);
        Model b = found.ranked().get(1);
        Map<String, Model> only = new HashMap<>();
        Set<String> wordsA = nameWords(a);
        Set<String> wordsB = nameWords(b);
        wordsA.stream().filter(w -> !wordsB.contains(w)).forEach(w -> only.put(w, a));
        wordsB.stream().filter(w -> !wordsA.contains(w)).forEach(w -> only.put(w, b));
        List<Mention> out = new ArrayList<>();
        for (int n = 1; n <= article.lineCount(); n++) {
            for (Word w : words.get(n)) {
                Model m = only.get(w.text().toLowerCase(Locale.ROOT));
                boolean capitalised = Character.isUpperCase(w.text().charAt(0));
                int line = n;
                boolean inside = found.all().stream().anyMatch(x -> x.line() == line && w.start() >= x.start() && w.start() < x.end());
                if (m != null && capitalised && !inside) {
                    out.add(new Mention(m, n, w.start(), w.end(), w.text()));
                }
            }
        }
        return out;
    }

    private static Set<String> nameWords(Model m) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : m.displayName().toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
            if (!w.isEmpty() && w.chars().allMatch(Character::isLetter) && w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }
}
