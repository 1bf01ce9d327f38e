package io.modelatlas.eval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One case on one target, as stored when it completes. Token counts and timings are those of the last attempt.
 *
 * @param output    the answer, or null when there was none
 * @param error     why there was no answer (kind and the endpoint's message, free of the key), or null
 * @param costUsd   the exact cost of the measured usage; null when the catalog has no price for the target's model
 * @param costNote  why the cost is unknown, or null
 * @param attempts  how many requests were sent for this case (retries included)
 */
public record CaseResult(String caseId, String target, CaseStatus status, String output, String error, long inputTokens,
                         long cachedInputTokens, long outputTokens, boolean usageMeasured, BigDecimal costUsd, String costNote,
                         Duration latency, Duration timeToFirstToken, int attempts, List<AssertionResult> assertions, Instant finishedAt) {
    public CaseResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        assertions = List.copyOf(assertions);
        if (attempts < 1) {
            throw new IllegalArgumentException("a stored result was sent at least once");
        }
    }

    public boolean answered() {
        return output != null;
    }

    /** Output tokens per second of the whole call, or null when there is no answer or no time. */
    public Double outputTokensPerSecond() {
        if (!answered() || latency == null || latency.isZero() || outputTokens == 0) {
            return null;
        }
        Duration generating = timeToFirstToken == null ? latency : latency.minus(timeToFirstToken);
        double seconds = (generating.isZero() || generating.isNegative() ? latency : generating).toNanos() / 1e9;
        return outputTokens / seconds;
    }
}
