package io.modelatlas.web;

import io.modelatlas.compare.UrlText;

/** Site paths of things named by data; templates use these rather than gluing ids into URLs. */
public final class Links {
    private Links() {}

    public static String model(String id) {
        return "/models/" + UrlText.encode(id);
    }

    /**
     * Whether an id can be a URL path segment at all. Every other id is percent-encoded into one, but "." and ".."
     * (written with escapes or not) are resolved away by clients, Jetty refuses an escaped NUL, and an unpaired
     * surrogate has no UTF-8 form. Such ids get no link and no sitemap entry rather than a broken URL.
     */
    public static boolean linkable(String id) {
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.indexOf('\0') >= 0) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }

    public static String modelHistoryApi(String id) {
        return "/api/v1/models/" + UrlText.encode(id) + "/history";
    }
}
