package io.modelatlas.compare;

import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One way two models differ, as a typed fact with the figures behind it. {@link #sentence()} renders it in words;
 * no sentence exists without such a record, so none is written without data.
 */
public sealed interface Difference {

    /** A stable name for JSON and tests, e.g. {@code price}. */
    String kind();

    String sentence();

    /** One model is cheaper on one kind of token. */
    record PriceGap(PriceKind priceKind, Model cheaper, Model dearer, TokenRate cheaperRate, TokenRate dearerRate) implements Difference {
        public String kind() {
            return "price";
        }

        /** How much cheaper, as a fraction of the dearer price: 1 - cheaper / dearer. */
        public BigDecimal savingFraction() {
            return BigDecimal.ONE.subtract(cheaperRate.usdPerMillion().divide(dearerRate.usdPerMillion(), 10, RoundingMode.HALF_EVEN));
        }

        /** dearer / cheaper; null when the cheaper one is free. */
        public BigDecimal multiple() {
            return cheaperRate.isFree() ? null : dearerRate.ratioTo(cheaperRate);
        }

        public String sentence() {
            String base = cheaper.displayName() + " is " + Format.percent(savingFraction()) + " cheaper on " + priceKind.label()
                    + " tokens (" + Format.usd(cheaperRate.usdPerMillion()) + " vs " + Format.usd(dearerRate.usdPerMillion()) + " per million)";
            BigDecimal multiple = multiple();
            if (multiple == null) {
                return base + "; " + cheaper.displayName() + " is free on " + priceKind.label() + " tokens.";
            }
            return base + ": " + dearer.displayName() + " costs " + Format.ratio(multiple) + " times as much.";
        }
    }

    /** Both models charge the same for a kind of token. */
    record SamePrice(PriceKind priceKind, Model a, Model b, TokenRate rate) implements Difference {
        public String kind() {
            return "same_price";
        }

        public String sentence() {
            return "Both charge the same for " + priceKind.label() + " tokens (" + Format.usd(rate.usdPerMillion()) + " per million).";
        }
    }

    /** Limits differ by host and source: a ratio of the figures shown is said with that caveat. */
    String OTHER_LIMITS = "; other sources and hosts report other limits, see the spec table.";

    /** Context windows: equal or one larger; {@code disputed} when a source or host reports another limit. */
    record ContextWindow(Model larger, Model smaller, long largerTokens, long smallerTokens, boolean disputed) implements Difference {
        public String kind() {
            return "context_window";
        }

        public String sentence() {
            if (largerTokens == smallerTokens) {
                return "Both models offer the same " + Format.count(largerTokens) + "-token context window ("
                        + Format.compactTokens(largerTokens) + ").";
            }
            return larger.displayName() + "'s context window is " + Format.ratio(ratio(largerTokens, smallerTokens)) + " times larger ("
                    + Format.count(largerTokens) + " vs " + Format.count(smallerTokens) + " tokens)" + (disputed ? OTHER_LIMITS : ".");
        }
    }

    /** Maximum output tokens per response: equal or one larger; {@code disputed} when a source or host reports another limit. */
    record MaxOutput(Model larger, Model smaller, long largerTokens, long smallerTokens, boolean disputed) implements Difference {
        public String kind() {
            return "max_output";
        }

        public String sentence() {
            if (largerTokens == smallerTokens) {
                return "Both can write up to " + Format.count(largerTokens) + " output tokens per response.";
            }
            return larger.displayName() + " can write " + Format.ratio(ratio(largerTokens, smallerTokens)) + " times as many tokens per response ("
                    + Format.count(largerTokens) + " vs " + Format.count(smallerTokens) + ")" + (disputed ? OTHER_LIMITS : ".");
        }
    }

    /** The model has a newer replacement. */
    record Superseded(Model model, String successorId, String successorName) implements Difference {
        public String kind() {
            return "superseded";
        }

        public String sentence() {
            return model.displayName() + " has been superseded by " + successorName + ": for new builds, consider the newer model first.";
        }
    }

    /** Different kinds of model, e.g. text and image: they complement rather than compete. */
    record DifferentTypes(Model a, Model b) implements Difference {
        public String kind() {
            return "different_types";
        }

        public String sentence() {
            return "These are different kinds of model: " + a.displayName() + " is " + Format.withArticle(a.type().label()) + " model while "
                    + b.displayName() + " is " + Format.withArticle(b.type().label()) + " model, so they often complement each other in a workflow rather than compete.";
        }
    }

    /** A capability one model has and the other lacks, as the sources say. */
    record CapabilityGap(Capability capability, Model has, Model lacks) implements Difference {
        public String kind() {
            return "capability";
        }

        public String sentence() {
            return has.displayName() + " supports " + capability.label() + "; " + lacks.displayName() + " does not.";
        }
    }

    /**
     * One model's training data is more recent; {@code holds} is false when another source's date would reverse the
     * direction, and then no direction is stated.
     */
    record KnowledgeCutoff(Model newer, Model older, PartialDate newerDate, PartialDate olderDate, boolean disputed, boolean holds) implements Difference {
        public String kind() {
            return "knowledge_cutoff";
        }

        public String sentence() {
            if (!holds) {
                return "Sources disagree on which has the more recent knowledge cutoff: " + newer.displayName() + " " + newerDate.display() + " and "
                        + older.displayName() + " " + olderDate.display() + " by the sources shown, but another source's date reverses it; see the spec table.";
            }
            return newer.displayName() + " has a more recent knowledge cutoff (" + newerDate.display() + " vs " + olderDate.display() + ")"
                    + (disputed ? "; sources disagree on the exact dates, see the spec table." : ".");
        }
    }

    /** Measured speed: output tokens per second (higher is better) or time to first token (lower is better). */
    record Speed(BenchmarkKind measure, Model better, Model worse, BigDecimal betterValue, BigDecimal worseValue, String source) implements Difference {
        public String kind() {
            return "speed";
        }

        public String sentence() {
            if (measure == BenchmarkKind.OUTPUT_SPEED) {
                BigDecimal gain = betterValue.divide(worseValue, 10, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
                return better.displayName() + " streams output " + Format.percent(gain) + " faster (" + Format.number(betterValue.setScale(0, RoundingMode.HALF_EVEN))
                        + " vs " + Format.number(worseValue.setScale(0, RoundingMode.HALF_EVEN)) + " tokens per second, " + source + ").";
            }
            return better.displayName() + " starts answering sooner (time to first token " + Format.number(betterValue.setScale(2, RoundingMode.HALF_EVEN))
                    + " s vs " + Format.number(worseValue.setScale(2, RoundingMode.HALF_EVEN)) + " s, " + source + ").";
        }
    }

    /** A score both models have on the same benchmark and variant. */
    record BenchmarkGap(String benchmark, Model higher, Model lower, BigDecimal higherScore, BigDecimal lowerScore) implements Difference {
        public String kind() {
            return "benchmark";
        }

        public String sentence() {
            if (higherScore.compareTo(lowerScore) == 0) {
                return "Both score " + Format.number(higherScore) + " on " + benchmark + ".";
            }
            return higher.displayName() + " scores higher on " + benchmark + " (" + Format.number(higherScore) + " vs " + Format.number(lowerScore) + ").";
        }
    }

    private static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 10, RoundingMode.HALF_EVEN);
    }
}
