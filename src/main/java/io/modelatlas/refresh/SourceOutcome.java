package io.modelatlas.refresh;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a live refresh did with one source. {@code keptAs} is where a refused file was put aside for review (null
 * otherwise); {@code acceptable} says whether {@code refresh --accept} can take it (it parsed, only a guard refused it).
 */
public record SourceOutcome(String source, URI url, Status status, String detail, Path keptAs, boolean acceptable) {
    public enum Status {
        /** A new copy passed the checks and is in the catalog. */
        UPDATED,
        /** The upstream answered 304, or sent the copy the catalog already holds. */
        UNCHANGED,
        /** Nothing usable arrived (unreachable, timeouts, HTTP errors, too large); the catalog keeps its copy. */
        FAILED,
        /** A copy arrived but failed validation or the guards; kept aside, the catalog keeps its copy. */
        REFUSED
    }

    public SourceOutcome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    SourceOutcome(String source, URI url, Status status, String detail) {
        this(source, url, status, detail, null, false);
    }

    public boolean ok() {
        return status == Status.UPDATED || status == Status.UNCHANGED;
    }
}
