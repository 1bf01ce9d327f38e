package io.modelatlas.compare;

import java.util.List;
import java.util.Locale;

/**
 * Comparison URLs. The canonical one names a set of models, ids in alphabetical order, so {@code a-vs-b} and
 * {@code b-vs-a} are the same page for search engines (the other path redirects to it). An order the user chose is
 * kept in {@link #orderedPath}: {@code /compare?models=b,a} shows b first and names the canonical URL as its canonical.
 */
public final class ComparisonPaths {
    private ComparisonPaths() {}

    public static List<String> canonicalOrder(List<String> ids) {
        return ids.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public static String path(List<String> ids) {
        List<String> sorted = canonicalOrder(ids);
        if (sorted.size() == 2) {
            return "/compare/" + UrlText.encode(slug(sorted.get(0))) + "-vs-" + UrlText.encode(slug(sorted.get(1)));
        }
        return "/compare?models=" + String.join(",", sorted.stream().map(UrlText::encode).toList());
    }

    /**
     * The URL of the models in this order: the canonical path when the order is the canonical one, else
     * {@code /compare?models=} with the ids as given, so a shared link shows the models in the order they were picked.
     */
    public static String orderedPath(List<String> ids) {
        if (ids.equals(canonicalOrder(ids))) {
            return path(ids);
        }
        return "/compare?models=" + String.join(",", ids.stream().map(UrlText::encode).toList());
    }

    /** Ids may carry a provider prefix ({@code openai/gpt-4.1}); the slash is kept out of the path segment. */
    public static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replace('/', '~');
    }

    /** The two model slugs of a {@code a-vs-b} path segment (split at the first "-vs-"), or empty when it has none. */
    public static java.util.Optional<List<String>> split(String pair) {
        int vs = pair.indexOf("-vs-");
        return vs < 0 ? java.util.Optional.empty() : java.util.Optional.of(List.of(pair.substring(0, vs), pair.substring(vs + 4)));
    }

    public static String unslug(String slug) {
        return slug.replace('~', '/');
    }
}
