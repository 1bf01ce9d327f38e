package io.modelatlas.fetch;

import java.net.URI;
import java.util.Objects;

/** What fetching one upstream file came to. A failure is data, not an exception: one source failing never stops the others. */
public sealed interface FetchOutcome {
    URI url();

    /** A new copy: its bytes and the validators to send next time. */
    record Fetched(URI url, byte[] body, Validators validators) implements FetchOutcome {
        public Fetched {
            Objects.requireNonNull(body, "body");
            validators = validators == null ? Validators.NONE : validators;
        }
    }

    /** The upstream answered 304 Not Modified: the copy we hold is current. */
    record Unchanged(URI url) implements FetchOutcome {}

    /** Nothing usable after every try; {@code reason} says what went wrong, for the operator. */
    record Failed(URI url, String reason) implements FetchOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
