package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.compare.Difference.BenchmarkGap;
import io.modelatlas.compare.Difference.CapabilityGap;
import io.modelatlas.compare.Difference.ContextWindow;
import io.modelatlas.compare.Difference.DifferentTypes;
import io.modelatlas.compare.Difference.KnowledgeCutoff;
import io.modelatlas.compare.Difference.MaxOutput;
import io.modelatlas.compare.Difference.PriceGap;
import io.modelatlas.compare.Difference.SamePrice;
import io.modelatlas.compare.Difference.Speed;
import io.modelatlas.compare.Difference.Superseded;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the differences between models, each backed by figures the models have. Two models are described against
 * each other; three or more are described across all of them (cheapest, largest context window, best on each
 * benchmark two or more share), so no model's place in the order makes it the yardstick.
 */
final class Differences {
    private static final List<PriceKind> COMPARED_PRICES = List.of(PriceKind.INPUT, PriceKind.OUTPUT);

    private final Function<String, String> nameOfId;

    Differences(Function<String, String> nameOfId) {
        this.nameOfId = nameOfId;
    }

    List<Difference> between(List<Model> models) {
        List<Difference> result = new ArrayList<>(models.size() == 2 ? pair(models.get(0), models.get(1)) : NWay.across(models));
        for (Model m : models) {
            if (m.isSuperseded()) {
                String successor = m.status().value().successorId();
                result.add(new Superseded(m, successor, nameOfId.apply(successor)));
            }
        }
        return result;
    }

    private List<Difference> pair(Model a, Model b) {
        List<Difference> out = new ArrayList<>(prices(a, b));
        if (a.type() != b.type()) {
            out.add(new DifferentTypes(a, b));
        }
        sizes(a.contextWindow(), b.contextWindow(), a, b).ifPresent(s -> out.add(new ContextWindow(s.larger, s.smaller, s.largerValue, s.smallerValue, s.disputed)));
        if (a.type().isText() && b.type().isText()) {
            sizes(a.maxOutputTokens(), b.maxOutputTokens(), a, b).ifPresent(s -> out.add(new MaxOutput(s.larger, s.smaller, s.largerValue, s.smallerValue, s.disputed)));
        }
        cutoff(a, b).ifPresent(out::add);
        for (Capability c : Capability.values()) {
            Optional<Boolean> ca = a.supports(c);
            Optional<Boolean> cb = b.supports(c);
            if (ca.isPresent() && cb.isPresent() && !ca.get().equals(cb.get())) {
                out.add(ca.get() ? new CapabilityGap(c, a, b) : new CapabilityGap(c, b, a));
            }
        }
        speed(a, b, BenchmarkKind.OUTPUT_SPEED).ifPresent(out::add);
        speed(a, b, BenchmarkKind.TIME_TO_FIRST_TOKEN).ifPresent(out::add);
        for (Benchmark ba : a.benchmarks(BenchmarkKind.QUALITY)) {
            for (Benchmark bb : b.benchmarks(BenchmarkKind.QUALITY)) {
                if (ba.comparableWith(bb)) {
                    boolean aHigher = ba.score().compareTo(bb.score()) >= 0;
                    out.add(aHigher ? new BenchmarkGap(ba.fullName(), a, b, ba.score(), bb.score())
                            : new BenchmarkGap(ba.fullName(), b, a, bb.score(), ba.score()));
                }
            }
        }
        return out;
    }

    /**
     * Prices in the unit the models are sold by: per image when both are image models priced per image, each in its
     * own unit when one is priced per image and the other per token, else per kind of token.
     */
    private static List<Difference> prices(Model a, Model b) {
        boolean imageA = ImageQuotes.perImage(a);
        boolean imageB = ImageQuotes.perImage(b);
        if (imageA && imageB) {
            return List.of(new Difference.ImagePrices(ImageQuotes.of(List.of(a, b)).orElseThrow()));
        }
        if (imageA || imageB) {
            boolean bothPriced = ImageQuotes.pricedAs(a).isPresent() && ImageQuotes.pricedAs(b).isPresent();
            return bothPriced ? List.of(new Difference.PriceUnits(List.of(a, b))) : List.of();
        }
        List<Difference> out = new ArrayList<>();
        for (PriceKind kind : COMPARED_PRICES) {
            price(a, b, kind).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Difference> price(Model a, Model b, PriceKind kind) {
        Optional<TokenRate> ra = a.prices().flatMap(s -> s.rate(kind));
        Optional<TokenRate> rb = b.prices().flatMap(s -> s.rate(kind));
        if (ra.isEmpty() || rb.isEmpty()) {
            return Optional.empty();
        }
        int cmp = ra.get().compareTo(rb.get());
        if (cmp == 0) {
            return Optional.of(new SamePrice(kind, a, b, ra.get()));
        }
        return Optional.of(cmp < 0 ? new PriceGap(kind, a, b, ra.get(), rb.get()) : new PriceGap(kind, b, a, rb.get(), ra.get()));
    }

    private record Sizes(Model larger, Model smaller, long largerValue, long smallerValue, boolean disputed) {}

    private static Optional<Sizes> sizes(Fact<Long> fa, Fact<Long> fb, Model a, Model b) {
        if (fa == null || fb == null) {
            return Optional.empty();
        }
        boolean disputed = fa.disputed() || fb.disputed();
        return Optional.of(fa.value() >= fb.value() ? new Sizes(a, b, fa.value(), fb.value(), disputed) : new Sizes(b, a, fb.value(), fa.value(), disputed));
    }

    private static Optional<Difference> cutoff(Model a, Model b) {
        Fact<PartialDate> fa = a.knowledgeCutoff();
        Fact<PartialDate> fb = b.knowledgeCutoff();
        if (fa == null || fb == null || fa.value().compareTo(fb.value()) == 0) {
            return Optional.empty();
        }
        boolean disputed = fa.disputed() || fb.disputed();
        // a direction is stated only when every source's date of one is later than every source's date of the other
        boolean holds = fa.value().compareTo(fb.value()) > 0 ? earliest(fa).compareTo(latest(fb)) > 0 : earliest(fb).compareTo(latest(fa)) > 0;
        return Optional.of(fa.value().compareTo(fb.value()) > 0
                ? new KnowledgeCutoff(a, b, fa.value(), fb.value(), disputed, holds)
                : new KnowledgeCutoff(b, a, fb.value(), fa.value(), disputed, holds));
    }

    static PartialDate earliest(Fact<PartialDate> f) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(f.value()), f.disagreements().stream().map(Fact.Alternative::value))
                .min(PartialDate::compareTo).orElseThrow();
    }

    static PartialDate latest(Fact<PartialDate> f) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(f.value()), f.disagreements().stream().map(Fact.Alternative::value))
                .max(PartialDate::compareTo).orElseThrow();
    }

    private static Optional<Difference> speed(Model a, Model b, BenchmarkKind kind) {
        Optional<Benchmark> sa = plainMeasure(a, kind);
        Optional<Benchmark> sb = plainMeasure(b, kind);
        if (sa.isEmpty() || sb.isEmpty() || !sa.get().comparableWith(sb.get()) || sa.get().score().compareTo(sb.get().score()) == 0) {
            return Optional.empty();
        }
        boolean aBetter = kind.higherIsBetter() == (sa.get().score().compareTo(sb.get().score()) > 0);
        Benchmark better = aBetter ? sa.get() : sb.get();
        Benchmark worse = aBetter ? sb.get() : sa.get();
        String source = "Artificial Analysis".regionMatches(true, 0, better.name(), 0, 19)
                ? "Artificial Analysis, " + better.source().asOf() : better.source().source() + ", " + better.source().asOf();
        return Optional.of(new Speed(kind, aBetter ? a : b, aBetter ? b : a, better.score(), worse.score(), source));
    }

    /** The model's speed figure at its default settings (no variant such as a reasoning effort). */
    static Optional<Benchmark> plainMeasure(Model m, BenchmarkKind kind) {
        return m.benchmarks(kind).stream().filter(x -> x.variant() == null).findFirst();
    }
}
