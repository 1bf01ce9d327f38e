package io.modelatlas.catalog;

import java.time.LocalDate;

import java.util.List;

/**
 * One data source the catalog was built from: name, content date, licence, how many entries it gave, and the values
 * it held that could not be used (an impossible date, say), which were treated as unknown.
 */
public record SourceInfo(String name, LocalDate asOf, String license, String origin, int entries, List<String> warnings) {
    public SourceInfo {
        warnings = List.copyOf(warnings);
    }
}
