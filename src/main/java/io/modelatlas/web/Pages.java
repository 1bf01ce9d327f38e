package io.modelatlas.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.modelatlas.api.Json;
import io.modelatlas.compare.Comparison;
import java.util.List;

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
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "FAQPage");
        ArrayNode main = root.putArray("mainEntity");
        for (Comparison.Faq f : faqs) {
            ObjectNode q = main.addObject();
            q.put("@type", "Question");
            q.put("name", f.question());
            ObjectNode a = q.putObject("acceptedAnswer");
            a.put("@type", "Answer");
            a.put("text", f.answer());
        }
        // inside <script> only "</script" could end the block; escaping every <, > and & also keeps markup from the data inert
        return root.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
