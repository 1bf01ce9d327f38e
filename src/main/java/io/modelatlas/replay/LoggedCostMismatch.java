package io.modelatlas.replay;

import java.math.BigDecimal;

/**
 * A request whose logged cost differs from its exact cost on the recorded model by more than 1%: its line in the log
 * (of a table: its row, in {@code startTime} order), its id there, and both costs, unrounded.
 */
public record LoggedCostMismatch(long line, String requestId, String model, BigDecimal loggedUsd, BigDecimal exactUsd) {}
