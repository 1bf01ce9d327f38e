package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The token limits one offering of a model enforces; a null limit is unknown (no source says), never unlimited.
 */
public record Limits(Long contextWindow, Long maxInputTokens, Long maxOutputTokens) {

    public Limits {
        requirePositive("context window", contextWindow);
        requirePositive("max input", maxInputTokens);
        requirePositive("max output", maxOutputTokens);
    }

    private static void requirePositive(String what, Long n) {
        if (n != null && n <= 0) {
            throw new IllegalArgumentException(what + " must be positive when known: " + n);
        }
    }

    /** The limits of the offering whose prices stand for the model (see {@link Model#primaryOffering()}). */
    public static Limits of(Model m) {
        return of(m, m.primaryOffering().orElse(null));
    }

    /**
     * The limits of one offering: its own context window and max output where it states them (Azure serves GPT-5 Mini
     * with a 272,000-token window, OpenAI with 400,000), else the model's. The model's max input is a property of the
     * model's own window, so it is kept only where the offering's window is the model's (or not stated): a provider
     * with a window of its own has an input limit no source gives, and its window then bounds the input.
     */
    public static Limits of(Model m, Offering o) {
        Long modelWindow = value(m.contextWindow());
        Long window = o != null && o.contextWindow() != null ? o.contextWindow() : modelWindow;
        Long output = o != null && o.maxOutputTokens() != null ? o.maxOutputTokens() : value(m.maxOutputTokens());
        boolean sameWindow = o == null || o.contextWindow() == null || o.contextWindow().equals(modelWindow);
        Long input = sameWindow ? value(m.maxInputTokens()) : null;
        return new Limits(positive(window), positive(input), positive(output));
    }

    private static Long value(Fact<Long> f) {
        return f == null ? null : f.value();
    }

    /** A stated limit of 0 is a source's way of not saying: unknown. */
    private static Long positive(Long n) {
        return n == null || n <= 0 ? null : n;
    }

    public Long get(LimitKind kind) {
        return switch (kind) {
            case CONTEXT_WINDOW -> contextWindow;
            case MAX_INPUT -> maxInputTokens;
            case MAX_OUTPUT -> maxOutputTokens;
        };
    }

    /**
     * Whether a request of {@code inputTokens} in and {@code outputTokens} out fits. Every known limit is checked;
     * any one exceeded means it does not fit. It fits only when both sides are bounded by known limits: the input by
     * its max input or, where there is none, the context window (most models take input up to their window); the
     * output by its max output (a window alone does not bound it: a 128,000-token model may stop at 4,096 output
     * tokens). Otherwise the answer is {@link Fit.Status#UNKNOWN}, naming the limits missing.
     */
    public Fit check(long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative: " + inputTokens + " in, " + outputTokens + " out");
        }
        List<Fit.Exceeded> exceeded = new ArrayList<>();
        Map<LimitKind, Long> known = new EnumMap<>(LimitKind.class);
        for (LimitKind kind : LimitKind.values()) {
            Long limit = get(kind);
            if (limit == null) {
                continue;
            }
            known.put(kind, limit);
            long requested = kind.requested(inputTokens, outputTokens);
            if (LimitKind.exceeds(requested, limit)) {
                exceeded.add(new Fit.Exceeded(kind, limit, requested));
            }
        }
        List<LimitKind> unknown = new ArrayList<>();
        if (!known.containsKey(LimitKind.MAX_INPUT) && !known.containsKey(LimitKind.CONTEXT_WINDOW)) {
            unknown.add(LimitKind.CONTEXT_WINDOW);
            unknown.add(LimitKind.MAX_INPUT);
        }
        if (!known.containsKey(LimitKind.MAX_OUTPUT)) {
            unknown.add(LimitKind.MAX_OUTPUT);
        }
        return new Fit(exceeded, unknown);
    }
}
