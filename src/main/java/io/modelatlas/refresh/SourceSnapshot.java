package io.modelatlas.refresh;

import java.time.LocalDate;

/** An imported source file as stored: its bytes, content date, digest, and whether bad entries were skipped. */
public record SourceSnapshot(long id, long versionId, String source, String fileName, LocalDate asOf, String sha256, boolean skipInvalid,
                             int entries, int skipped, byte[] content) {}
