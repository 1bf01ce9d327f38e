package io.modelatlas.eval;

import java.time.Duration;

/**
 * Thrown when an endpoint gives no answer. The kind decides what the runner does: retry later, record the case as
 * errored, or stop sending to the target because every case would fail the same way.
 */
public class EndpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one table from an endpoint's failure to what the runner does about it. */
    public enum Kind {
        /** 429: retried, after Retry-After when the endpoint gives one. */
        RATE_LIMITED(true, false),
        /** 500 to 599: retried with backoff. */
        SERVER_ERROR(true, false),
        /** No whole answer within the timeout, which covers the response from its headers to its last byte: retried. */
        TIMEOUT(true, false),
        /** The stream ended before the answer did (no {@code [DONE]}, connection closed): retried. */
        STREAM_CUT(true, false),
        /** The connection could not be made: retried. */
        UNREACHABLE(true, false),
        /** 401 or 403: the key is missing or wrong; no case of this target can pass, so the target stops. */
        AUTH_REJECTED(false, true),
        /** 404: the endpoint does not serve this model (or the base URL is wrong); the target stops. */
        MODEL_NOT_FOUND(false, true),
        /** Any other 4xx: this case's request was refused; the case is errored, the run goes on. */
        REJECTED(false, false),
        /** A 200 whose body is not a Chat Completions answer. */
        BAD_RESPONSE(false, false),
        /**
         * A body past the size limit on a response, read no further: not retried, since an endpoint that sent one such
         * body (an endless stream, a runaway generation) sends it again.
         */
        BODY_TOO_LARGE(false, false);

        private final boolean retriable;
        private final boolean stopsTarget;

        Kind(boolean retriable, boolean stopsTarget) {
            this.retriable = retriable;
            this.stopsTarget = stopsTarget;
        }

        public boolean retriable() {
            return retriable;
        }

        public boolean stopsTarget() {
            return stopsTarget;
        }

        /** The kind of an HTTP error status. */
        public static Kind ofStatus(int status) {
            if (status == 429) {
                return RATE_LIMITED;
            }
            if (status == 401 || status == 403) {
                return AUTH_REJECTED;
            }
            if (status == 404) {
                return MODEL_NOT_FOUND;
            }
            if (status >= 500) {
                return SERVER_ERROR;
            }
            return REJECTED;
        }
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    /**
     * @param message    already free of the key (the endpoint redacts the text it got back)
     * @param status     the HTTP status, 0 when there was none
     * @param retryAfter the endpoint's Retry-After, or null
     */
    public EndpointException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
