package io.modelatlas.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a request fits a model's limits (see {@link Limits#check}): the limits it exceeds, by how much, and the
 * limits no source gives. Data, not an exception: pages show it, {@code cost --strict} refuses on it.
 *
 * @param exceeded every known limit the request is over; not empty means it does not fit
 * @param unknown  limits needed to say "fits" that no source gives; they matter only when nothing is exceeded
 */
public record Fit(List<Exceeded> exceeded, List<LimitKind> unknown) {

    public enum Status { FITS, EXCEEDS, UNKNOWN }

    public Fit {
        exceeded = List.copyOf(exceeded);
        unknown = List.copyOf(unknown);
    }

    /** A limit a request is over: {@code requestedTokens > limitTokens}. */
    public record Exceeded(LimitKind limit, long limitTokens, long requestedTokens) {
        public Exceeded {
            if (!LimitKind.exceeds(requestedTokens, limitTokens)) {
                throw new IllegalArgumentException(requestedTokens + " " + limit.requestedLabel() + " do not exceed " + limit.label() + " " + limitTokens);
            }
        }

        /** {@code 150,000 input tokens > max input 131,072}. */
        public String describe() {
            return count(requestedTokens) + " " + limit.requestedLabel() + " > " + limit.label() + " " + count(limitTokens);
        }
    }

    public Status status() {
        return !exceeded.isEmpty() ? Status.EXCEEDS : unknown.isEmpty() ? Status.FITS : Status.UNKNOWN;
    }

    public boolean fits() {
        return status() == Status.FITS;
    }

    public boolean exceeds() {
        return status() == Status.EXCEEDS;
    }

    /**
     * One line for people: {@code does not fit: 150,000 input tokens > max input 131,072}, {@code fit unknown: max
     * output not known}, or {@code fits}.
     */
    public String describe() {
        return switch (status()) {
            case EXCEEDS -> "does not fit: " + exceeded.stream().map(Exceeded::describe).collect(Collectors.joining("; "));
            case UNKNOWN -> "fit unknown: " + unknown.stream().map(LimitKind::label).collect(Collectors.joining(" and ")) + " not known";
            case FITS -> "fits";
        };
    }

    /** 1,234,567: the same grouping as the pages' counts (core code cannot use compare.Format). */
    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
