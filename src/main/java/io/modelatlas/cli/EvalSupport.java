package io.modelatlas.cli;

import io.modelatlas.eval.ChatEndpoint;
import io.modelatlas.eval.EvalRunner;
import io.modelatlas.eval.RunStore;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the eval commands need from the composition root: where runs are stored, how endpoints are opened, and the
 * environment, from which a target's key is read by the variable name the operator gave (the key is handed to the
 * endpoint and goes nowhere else).
 */
public record EvalSupport(Supplier<RunStore> runs, ChatEndpoint.Factory endpoints, Function<String, String> environment,
                          LongSupplier nanoTime, EvalRunner.Sleeper sleeper) {}
