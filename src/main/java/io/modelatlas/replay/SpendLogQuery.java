package io.modelatlas.replay;

import java.time.Instant;

/**
 * Which rows of a LiteLLM proxy's {@code LiteLLM_SpendLogs} table to replay: the database, and {@code startTime} from
 * {@code since} (inclusive) to {@code until} (exclusive), each optional.
 */
public record SpendLogQuery(String jdbcUrl, Instant since, Instant until) {
    /** @throws IllegalArgumentException when the URL is not PostgreSQL's or the window is empty */
    public SpendLogQuery {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the LiteLLM proxy keeps its spend logs in PostgreSQL: expected a jdbc:postgresql: URL");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since (" + since + ") must be before --until (" + until + ")");
        }
    }

    /**
     * Opens the table a query names. The store implements it and the composition root hands it in, so that the
     * replay command reads a database without depending on JDBC or the store.
     */
    @FunctionalInterface
    public interface Opener {
        SpendLogTable open(SpendLogQuery query);
    }
}
