package io.modelatlas.refresh;

import io.modelatlas.fetch.HttpFetcher;
import java.nio.file.Path;

/**
 * What fetching live sources needs from the composition root: the fetcher, and the home folder
 * ({@code $MODELATLAS_HOME}) that holds the sources.toml overrides, fetch validators and refused files.
 */
public record UpstreamAccess(Path home, HttpFetcher fetcher) {}
