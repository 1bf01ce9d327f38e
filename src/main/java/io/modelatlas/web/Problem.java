package io.modelatlas.web;

import java.util.List;

/**
 * An RFC 9457 problem: the body of every API error, and what the HTML error page shows. {@code parameter} names the
 * bad query parameter; {@code suggestions} lists close ids for an unknown model or benchmark.
 */
public record Problem(String type, String title, int status, String detail, String instance, String parameter, List<String> suggestions) {
    private static final String UNKNOWN_BENCHMARK = "/problems/unknown-benchmark";

    /** Where a suggestion links: a benchmark page for an unknown benchmark, else a model page. */
    public String suggestionPath(String suggestion) {
        return type.equals(UNKNOWN_BENCHMARK) ? BenchmarkPage.path(suggestion) : Links.model(suggestion);
    }

    /** The listing to browse instead: benchmarks for an unknown benchmark, else models. */
    public String browsePath() {
        return type.equals(UNKNOWN_BENCHMARK) ? BenchmarksPage.PATH : "/models";
    }
}
