package io.modelatlas.web;

/**
 * The head of a page: title, description, canonical URL and, for pages with FAQs, schema.org JSON-LD (already
 * serialised, with {@code </} escaped so it cannot close the script element).
 */
public record Meta(String title, String description, String canonical, String jsonLd) {
    public Meta {
        jsonLd = jsonLd == null ? null : jsonLd.replace("</", "<\\/");
    }
}
