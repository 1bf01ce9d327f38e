package io.modelatlas.web;

import io.javalin.http.Context;
import io.modelatlas.api.Json;
import io.modelatlas.compare.Comparison;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by page records. */
final class Pages {
    private Pages() {}

    /** Answers with a JSON body written by the API's mapper. */
    static void json(Context c, Object body) {
        c.contentType("application/json").result(Json.write(body));
    }

    /** Answers with a page rendered to UTF-8 bytes (see {@link Templates#render}). */
    static void html(Context c, byte[] page) {
        c.contentType(CachedPage.CONTENT_TYPE).result(page);
    }

    /** schema.org FAQPage JSON-LD for a FAQ list, or null when there are none. */
    static String faqJsonLd(List<Comparison.Faq> faqs) {
        if (faqs.isEmpty()) {
            return null;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@type", "FAQPage");
        root.put("mainEntity", faqs.stream().map(f -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("@type", "Question");
            q.put("name", f.question());
            Map<String, Object> a = new LinkedHashMap<>(); // Map.of has no fixed order
            a.put("@type", "Answer");
            a.put("text", f.answer());
            q.put("acceptedAnswer", a);
            return q;
        }).toList());
        return PageJson.write(root); // its strings escape <, > and &: nothing in them can end the script element
    }
}
