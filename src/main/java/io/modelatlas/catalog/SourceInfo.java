package io.modelatlas.catalog;

import java.time.LocalDate;

/** One data source the catalog was built from: name, content date, licence and how many entries it gave. */
public record SourceInfo(String name, LocalDate asOf, String license, String origin, int entries) {}
