package io.modelatlas.web;

import java.util.List;

/**
 * Everything {@code compare/builder.jte} prints: the builder form, the models a search found (each with the URL that
 * adds it to the form) and what stops the comparison from being shown yet.
 */
public record CompareBuilderPage(Meta meta, CompareForm form, String search, List<CompareForm.Pick> results, String message) {
    public CompareBuilderPage {
        results = List.copyOf(results);
    }

    static Meta meta(WebContext ctx) {
        return new Meta("Compare AI models side by side: prices, context, benchmarks | ModelAtlas",
                "Pick 2 to 5 AI models and compare their prices, context windows, monthly costs, scenarios and benchmarks, in the order you choose.",
                ctx.baseUrl() + "/compare", null);
    }
}
