package io.modelatlas.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text an endpoint sent back, before any of it is kept or shown: the answer, an error message,
 * a piece of a body or of an event that did not parse. Endpoints and the proxies in front of them echo what they were
 * sent (an HTML page listing the request headers, a debug event quoting them, an answer repeating its context), and
 * whatever the eval client keeps ends up in the store, the reports and the public run pages. Three things go, each
 * replaced by {@code ***}:
 * <ul>
 *   <li>every configured key, also in part: any word holding {@value #FRAGMENT} or more of a key's characters in a row,
 *       as a clipped or re-wrapped echo leaves (keys are random, so a run that long is not a coincidence);</li>
 *   <li>the value of any {@code Authorization} header ({@code Authorization: ...} up to the end of the line, or a quoted
 *       {@code "authorization": "..."});</li>
 *   <li>any {@code Bearer} credential (a word of 8 or more characters with a digit after {@code Bearer}), whoever's it
 *       is: a proxy may echo its own upstream key.</li>
 * </ul>
 * Keys shorter than 4 characters are not removed by value: replacing them everywhere would mangle the text, and such a
 * key protects nothing.
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final int FRAGMENT = 8;
    private static final int SHORTEST_KEY = 4;
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\r\\n<>]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)(?=[A-Za-z0-9._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{8,}");
    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** A redactor for these keys (absent ones are skipped), and for every Authorization or Bearer value. */
    public static Redactor of(List<ApiKey> keys) {
        List<String> secrets = new ArrayList<>();
        for (ApiKey k : keys) {
            if (k.secret().length() >= SHORTEST_KEY) {
                secrets.add(k.secret());
            }
        }
        return secrets.isEmpty() ? NONE : new Redactor(secrets);
    }

    public static Redactor of(ApiKey key) {
        return of(List.of(key));
    }

    /** The text without any credential; null stays null. Redacting twice gives the same text. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        out = withoutFragments(out);
        out = AUTHORIZATION.matcher(out).replaceAll("$1" + MASK);
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }

    /** Masks every word that holds a run of {@link #FRAGMENT} characters of a key (the whole word, so no part of it stays). */
    private String withoutFragments(String text) {
        BitSet hit = new BitSet(text.length());
        for (String s : secrets) {
            for (int k = 0; k + FRAGMENT <= s.length(); k++) {
                String piece = s.substring(k, k + FRAGMENT);
                for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
                    hit.set(at, at + FRAGMENT);
                }
            }
        }
        if (hit.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int from = hit.nextSetBit(i);
            if (from < 0) {
                out.append(text, i, text.length());
                break;
            }
            int to = hit.nextClearBit(from);
            while (from > i && wordChar(text.charAt(from - 1))) {
                from--;
            }
            while (to < text.length() && (wordChar(text.charAt(to)) || hit.get(to))) {
                to = hit.get(to) ? hit.nextClearBit(to) : to + 1;
            }
            out.append(text, i, from).append(MASK);
            i = to;
        }
        return out.toString();
    }

    /** The characters keys and tokens are made of (base64, base64url, and the separators of sk-/ma_ style keys). */
    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~+/=".indexOf(c) >= 0;
    }
}
