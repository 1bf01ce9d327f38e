package io.modelatlas.replay;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of a LiteLLM proxy's {@code LiteLLM_SpendLogs} table, read by whoever can reach the database (the store
 * package): each row as column name → text, JSON columns as their JSON text and times as ISO-8601 instants.
 */
@FunctionalInterface
public interface SpendLogTable {
    /** Hands each row to {@code row}, in {@code startTime} order, without holding them all. */
    void forEachRow(Consumer<Map<String, String>> row);
}
