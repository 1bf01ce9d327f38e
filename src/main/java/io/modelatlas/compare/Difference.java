package io.modelatlas.compare;

import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

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

    /**
     * Image models priced per image: the per-image prices at the qualities and sizes both sell, never their token
     * prices (those only bill the prompt). {@code same_price} when they charge the same at each.
     */
    record ImagePrices(ImageQuotes quotes) implements Difference {
        public String kind() {
            return quotes.allSame() ? "same_price" : "price";
        }

        public String sentence() {
            return quotes.sentence();
        }

        /** The first sentence alone, for a page description: the cheapest shared quality and size and the multiple there. */
        public String headline() {
            return quotes.cheapestThroughout().map(quotes::atLowest).orElseGet(this::sentence);
        }
    }

    /** One model priced per token, the other per image: each price in its own unit, no ratio between them. */
    record PriceUnits(List<Model> models) implements Difference {
        public PriceUnits {
            models = List.copyOf(models);
        }

        public String kind() {
            return "price_units";
        }

        public String sentence() {
            return "They are priced in different units, so no single number compares them: "
                    + String.join(", ", models.stream().map(m -> m.displayName() + " " + ImageQuotes.pricedAs(m).orElseThrow()).toList()) + ".";
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

    // ---- across three or more models: each difference is stated over all of them, not against the first ----

    /** The cheapest and dearest of the models on one kind of token (ties named together), or that all charge the same. */
    record PriceRange(PriceKind priceKind, List<Model> cheapest, List<Model> dearest, TokenRate low, TokenRate high, List<Model> unknown) implements Difference {
        public PriceRange {
            cheapest = List.copyOf(cheapest);
            dearest = List.copyOf(dearest);
            unknown = List.copyOf(unknown);
        }

        public String kind() {
            return "price";
        }

        public String sentence() {
            String unknownPart = unknown.isEmpty() ? "" : " No " + priceKind.label() + " price is known for " + names(unknown) + ".";
            if (low.compareTo(high) == 0) {
                return (unknown.isEmpty() ? allOf(cheapest) + " models charge" : names(cheapest) + " charge") + " the same for " + priceKind.label()
                        + " tokens (" + Format.usd(low.usdPerMillion()) + " per million)." + unknownPart;
            }
            String dearer = low.isFree() ? "" : ", " + Format.ratio(high.ratioTo(low)) + " times as much";
            return "Cheapest on " + priceKind.label() + " tokens: " + names(cheapest) + " (" + Format.usd(low.usdPerMillion()) + " per million); dearest: "
                    + names(dearest) + " (" + Format.usd(high.usdPerMillion()) + dearer + ")." + unknownPart;
        }
    }

    /**
     * The largest and smallest of a limit across the models (context window or maximum output), or that all are
     * equal; {@code unknown} holds the models whose limit no source gives, named so that a sentence about the others
     * never reads as one about all.
     */
    record LimitRange(String kind, List<Model> largest, List<Model> smallest, long largestTokens, long smallestTokens, boolean disputed,
                      List<Model> unknown) implements Difference {
        public static final String CONTEXT = "context_window";
        public static final String OUTPUT = "max_output";

        public LimitRange {
            largest = List.copyOf(largest);
            smallest = List.copyOf(smallest);
            unknown = List.copyOf(unknown);
        }

        public String sentence() {
            boolean context = kind.equals(CONTEXT);
            String unknownPart = unknown.isEmpty() ? "" : " No " + (context ? "context window" : "maximum output") + " is known for " + names(unknown) + ".";
            if (largestTokens == smallestTokens) {
                String who = unknown.isEmpty() ? allOf(largest) + " models" : names(largest);
                return (context ? who + " offer the same " + Format.count(largestTokens) + "-token context window (" + Format.compactTokens(largestTokens) + ")."
                        : who + " can write up to " + Format.count(largestTokens) + " output tokens per response.") + unknownPart;
            }
            String times = Format.ratio(ratio(largestTokens, smallestTokens));
            return (context ? "Largest context window: " : "Most output tokens per response: ") + names(largest) + " (" + Format.count(largestTokens)
                    + " tokens), " + times + " times " + (context ? "the smallest, " : "the fewest, ") + possessive(smallest) + " (" + Format.count(smallestTokens)
                    + " tokens)" + (disputed ? OTHER_LIMITS : ".") + unknownPart;
        }
    }

    /** The most recent and oldest knowledge cutoffs; {@code holds} false when another source's dates would reverse it. */
    record CutoffRange(List<Model> newest, List<Model> oldest, PartialDate newestDate, PartialDate oldestDate, boolean disputed, boolean holds) implements Difference {
        public CutoffRange {
            newest = List.copyOf(newest);
            oldest = List.copyOf(oldest);
        }

        public String kind() {
            return "knowledge_cutoff";
        }

        public String sentence() {
            if (!holds) {
                return "Sources disagree on which has the most recent knowledge cutoff: " + names(newest) + " " + newestDate.display() + " and "
                        + names(oldest) + " " + oldestDate.display() + " by the sources shown, but another source's date reverses it; see the spec table.";
            }
            return "Most recent knowledge cutoff: " + names(newest) + " (" + newestDate.display() + "); oldest: " + names(oldest) + " (" + oldestDate.display() + ")"
                    + (disputed ? "; sources disagree on the exact dates, see the spec table." : ".");
        }
    }

    /** A capability some of the models have and others lack, as the sources say (models with no word either way left out). */
    record CapabilitySplit(Capability capability, List<Model> have, List<Model> lack) implements Difference {
        public CapabilitySplit {
            have = List.copyOf(have);
            lack = List.copyOf(lack);
        }

        public String kind() {
            return "capability";
        }

        public String sentence() {
            return Format.capitalised(capability.label()) + ": supported by " + names(have) + "; not by " + names(lack) + ".";
        }
    }

    /** The best and worst measured speed among the models measured alike (same benchmark and variant). */
    record SpeedRange(BenchmarkKind measure, List<Model> best, List<Model> worst, BigDecimal bestValue, BigDecimal worstValue, String source) implements Difference {
        public SpeedRange {
            best = List.copyOf(best);
            worst = List.copyOf(worst);
        }

        public String kind() {
            return "speed";
        }

        public String sentence() {
            if (measure == BenchmarkKind.OUTPUT_SPEED) {
                return "Fastest output: " + names(best) + " (" + Format.number(bestValue.setScale(0, RoundingMode.HALF_EVEN)) + " tokens per second); slowest: "
                        + names(worst) + " (" + Format.number(worstValue.setScale(0, RoundingMode.HALF_EVEN)) + "; " + source + ").";
            }
            return "Soonest first token: " + names(best) + " (" + Format.number(bestValue.setScale(2, RoundingMode.HALF_EVEN)) + " s); latest: "
                    + names(worst) + " (" + Format.number(worstValue.setScale(2, RoundingMode.HALF_EVEN)) + " s; " + source + ").";
        }
    }

    /** The highest and lowest score on one benchmark and variant that two or more of the models have. */
    record BenchmarkRange(String benchmark, List<Model> highest, List<Model> lowest, BigDecimal highScore, BigDecimal lowScore) implements Difference {
        public BenchmarkRange {
            highest = List.copyOf(highest);
            lowest = List.copyOf(lowest);
        }

        public String kind() {
            return "benchmark";
        }

        public String sentence() {
            if (highScore.compareTo(lowScore) == 0) {
                return names(highest) + " all score " + Format.number(highScore) + " on " + benchmark + ".";
            }
            return "Best on " + benchmark + ": " + names(highest) + " (" + Format.number(highScore) + "); lowest: " + names(lowest) + " (" + Format.number(lowScore) + ").";
        }
    }

    /** Models of different kinds (text, image, ...), grouped by kind in the order first met. */
    record MixedTypes(List<List<Model>> groups) implements Difference {
        public MixedTypes {
            groups = groups.stream().map(List::copyOf).toList();
        }

        public String kind() {
            return "different_types";
        }

        public String sentence() {
            List<String> parts = groups.stream().map(g -> names(g) + (g.size() == 1 ? " is " + Format.withArticle(g.get(0).type().label()) + " model"
                    : " are " + g.get(0).type().label().toLowerCase(java.util.Locale.ROOT) + " models")).toList();
            return "These are different kinds of model: " + String.join(", ", parts.subList(0, parts.size() - 1)) + (parts.size() > 1 ? " while " : "")
                    + parts.get(parts.size() - 1) + ", so they often complement each other in a workflow rather than compete.";
        }
    }

    /** "Both" for two, "All 3" for three: said only of every model compared. */
    private static String allOf(List<Model> models) {
        return models.size() == 2 ? "Both" : "All " + models.size();
    }

    /** "A", "A and B", "A, B and C". */
    private static String names(List<Model> models) {
        List<String> n = models.stream().map(Model::displayName).toList();
        return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    /** "A's", "A's and B's". */
    private static String possessive(List<Model> models) {
        List<String> n = models.stream().map(m -> m.displayName() + "'s").toList();
        return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    private static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 10, RoundingMode.HALF_EVEN);
    }
}
