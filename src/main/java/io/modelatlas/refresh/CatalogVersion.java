package io.modelatlas.refresh;

import java.time.Instant;

/** One recorded state of the catalog: what made it ({@code bootstrap}, {@code import}, {@code refresh}, {@code curation}) and who. */
public record CatalogVersion(long id, Instant createdAt, String kind, String summary, String actor) {}
