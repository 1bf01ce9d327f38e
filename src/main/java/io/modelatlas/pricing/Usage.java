package io.modelatlas.pricing;

import java.util.List;

/**
 * The tokens (and images) of one request or of many added up. Counts follow OpenAI's {@code usage}:
 * {@code inputTokens} is the whole prompt, cached reads and cache writes included; {@code outputTokens} is the
 * whole completion, reasoning and image tokens included. The parts are subsets of those totals.
 */
public record Usage(
        long inputTokens,
        long cachedInputTokens,
        long cacheWriteTokens,
        long cacheWrite1hTokens,
        long outputTokens,
        long reasoningTokens,
        long outputImageTokens,
        List<ImageCount> images) {

    public Usage {
        requireNonNegative("input tokens", inputTokens);
        requireNonNegative("cached input tokens", cachedInputTokens);
        requireNonNegative("cache write tokens", cacheWriteTokens);
        requireNonNegative("cache write (1h) tokens", cacheWrite1hTokens);
        requireNonNegative("output tokens", outputTokens);
        requireNonNegative("reasoning tokens", reasoningTokens);
        requireNonNegative("output image tokens", outputImageTokens);
        if (cachedInputTokens + cacheWriteTokens + cacheWrite1hTokens > inputTokens) {
            throw new IllegalArgumentException("cached input and cache write tokens (" + (cachedInputTokens + cacheWriteTokens + cacheWrite1hTokens)
                    + ") cannot exceed input tokens (" + inputTokens + "): input tokens include the cached ones");
        }
        if (reasoningTokens + outputImageTokens > outputTokens) {
            throw new IllegalArgumentException("reasoning and image output tokens (" + (reasoningTokens + outputImageTokens)
                    + ") cannot exceed output tokens (" + outputTokens + "): output tokens include them");
        }
        images = List.copyOf(images);
    }

    private static void requireNonNegative(String what, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + n);
        }
    }

    /** Plain text usage: prompt and completion tokens only. */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, 0, 0, 0, outputTokens, 0, 0, List.of());
    }

    /** Text usage with some of the input read from the prompt cache. */
    public static Usage of(long inputTokens, long cachedInputTokens, long outputTokens) {
        return new Usage(inputTokens, cachedInputTokens, 0, 0, outputTokens, 0, 0, List.of());
    }

    public static Usage images(String quality, String size, int count) {
        return new Usage(0, 0, 0, 0, 0, 0, 0, List.of(new ImageCount(quality, size, count)));
    }

    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWriteTokens - cacheWrite1hTokens;
    }

    public long textOutputTokens() {
        return outputTokens - reasoningTokens - outputImageTokens;
    }

    public Usage plus(Usage o) {
        List<ImageCount> all = new java.util.ArrayList<>(images);
        all.addAll(o.images);
        return new Usage(inputTokens + o.inputTokens, cachedInputTokens + o.cachedInputTokens,
                cacheWriteTokens + o.cacheWriteTokens, cacheWrite1hTokens + o.cacheWrite1hTokens,
                outputTokens + o.outputTokens, reasoningTokens + o.reasoningTokens,
                outputImageTokens + o.outputImageTokens, all);
    }

    /** A number of generated images of one quality and size. */
    public record ImageCount(String quality, String size, int count) {
        public ImageCount {
            if (count < 0) {
                throw new IllegalArgumentException("image count cannot be negative: " + count);
            }
        }
    }
}
