package io.modelatlas.refresh;

import java.util.List;

/**
 * What an import or refresh did. {@code version} is 0 and {@code unchanged} true when the files were identical to the
 * stored ones, so nothing was recorded.
 */
public record ImportResult(long version, List<String> sources, int entries, int offerings, List<String> skipped, int opened, int closed,
                           boolean unchanged) {
    public ImportResult {
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    public String summary() {
        if (unchanged) {
            return String.join(", ", sources) + ": identical to the stored data, nothing recorded";
        }
        return String.format("catalog version %d: %s, %,d entries, %,d offerings read%s; %,d values started, %,d ended", version,
                String.join(", ", sources), entries, offerings, skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped", opened, closed);
    }
}
