package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.compare.Difference.BenchmarkRange;
import io.modelatlas.compare.Difference.CapabilitySplit;
import io.modelatlas.compare.Difference.CutoffRange;
import io.modelatlas.compare.Difference.LimitRange;
import io.modelatlas.compare.Difference.MixedTypes;
import io.modelatlas.compare.Difference.PriceRange;
import io.modelatlas.compare.Difference.SpeedRange;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The differences of three or more models, each stated across all of them: the extremes (with ties named together)
 * among the models that have the figure, never a comparison with whichever model came first.
 */
final class NWay {
    private NWay() {}

    /** A model with the figure compared; models without it are left out of that difference. */
    private record Scored<T>(Model model, T value) {}

    static List<Difference> across(List<Model> models) {
        List<Difference> out = new ArrayList<>();
        // models priced per image are compared per image; their token prices only bill the prompt
        List<Model> perToken = models.stream().filter(m -> !ImageQuotes.perImage(m)).toList();
        for (PriceKind kind : List.of(PriceKind.INPUT, PriceKind.OUTPUT)) {
            price(perToken, kind).ifPresent(out::add);
        }
        ImageQuotes.of(models).map(Difference.ImagePrices::new).ifPresent(out::add);
        Map<ModelType, List<Model>> byType = new LinkedHashMap<>();
        models.forEach(m -> byType.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m));
        if (byType.size() > 1) {
            out.add(new MixedTypes(List.copyOf(byType.values())));
        }
        limit(models, Model::contextWindow, LimitRange.CONTEXT).ifPresent(out::add);
        limit(models.stream().filter(m -> m.type().isText()).toList(), Model::maxOutputTokens, LimitRange.OUTPUT).ifPresent(out::add);
        cutoff(models).ifPresent(out::add);
        for (Capability c : Capability.values()) {
            List<Model> have = models.stream().filter(m -> m.supports(c).orElse(false)).toList();
            List<Model> lack = models.stream().filter(m -> !m.supports(c).orElse(true)).toList();
            if (!have.isEmpty() && !lack.isEmpty()) {
                out.add(new CapabilitySplit(c, have, lack));
            }
        }
        speed(models, BenchmarkKind.OUTPUT_SPEED).ifPresent(out::add);
        speed(models, BenchmarkKind.TIME_TO_FIRST_TOKEN).ifPresent(out::add);
        out.addAll(benchmarks(models));
        return out;
    }

    private static Optional<Difference> price(List<Model> models, PriceKind kind) {
        List<Scored<TokenRate>> known = new ArrayList<>();
        List<Model> unknown = new ArrayList<>();
        for (Model m : models) {
            Optional<TokenRate> r = m.prices().flatMap(s -> s.rate(kind));
            if (r.isPresent()) {
                known.add(new Scored<>(m, r.get()));
            } else {
                unknown.add(m);
            }
        }
        if (known.size() < 2) {
            return Optional.empty();
        }
        TokenRate low = known.stream().map(Scored::value).min(TokenRate::compareTo).orElseThrow();
        TokenRate high = known.stream().map(Scored::value).max(TokenRate::compareTo).orElseThrow();
        return Optional.of(new PriceRange(kind, holding(known, low, TokenRate::compareTo), holding(known, high, TokenRate::compareTo), low, high, unknown));
    }

    private static Optional<Difference> limit(List<Model> models, Function<Model, Fact<Long>> fact, String kind) {
        List<Scored<Long>> known = models.stream().filter(m -> fact.apply(m) != null).map(m -> new Scored<>(m, fact.apply(m).value())).toList();
        if (known.size() < 2) {
            return Optional.empty();
        }
        long max = known.stream().mapToLong(Scored::value).max().orElseThrow();
        long min = known.stream().mapToLong(Scored::value).min().orElseThrow();
        List<Model> largest = holding(known, max, Long::compare);
        List<Model> smallest = holding(known, min, Long::compare);
        boolean disputed = Stream.concat(largest.stream(), smallest.stream()).anyMatch(m -> fact.apply(m).disputed());
        List<Model> unknown = models.stream().filter(m -> fact.apply(m) == null).toList();
        return Optional.of(new LimitRange(kind, max == min ? known.stream().map(Scored::model).toList() : largest, smallest, max, min, disputed, unknown));
    }

    private static Optional<Difference> cutoff(List<Model> models) {
        List<Scored<Fact<PartialDate>>> known = models.stream().filter(m -> m.knowledgeCutoff() != null).map(m -> new Scored<>(m, m.knowledgeCutoff())).toList();
        if (known.size() < 2) {
            return Optional.empty();
        }
        Comparator<Fact<PartialDate>> byDate = Comparator.comparing(Fact::value);
        Fact<PartialDate> newest = known.stream().map(Scored::value).max(byDate).orElseThrow();
        Fact<PartialDate> oldest = known.stream().map(Scored::value).min(byDate).orElseThrow();
        if (newest.value().compareTo(oldest.value()) == 0) {
            return Optional.empty();
        }
        List<Scored<Fact<PartialDate>>> top = known.stream().filter(s -> s.value().value().compareTo(newest.value()) == 0).toList();
        List<Scored<Fact<PartialDate>>> bottom = known.stream().filter(s -> s.value().value().compareTo(oldest.value()) == 0).toList();
        boolean disputed = Stream.concat(top.stream(), bottom.stream()).anyMatch(s -> s.value().disputed());
        // as for two models: a direction is stated only when every source's date of the newest is later than every source's date of the oldest
        PartialDate newestEarliest = top.stream().map(s -> Differences.earliest(s.value())).min(PartialDate::compareTo).orElseThrow();
        PartialDate oldestLatest = bottom.stream().map(s -> Differences.latest(s.value())).max(PartialDate::compareTo).orElseThrow();
        return Optional.of(new CutoffRange(top.stream().map(Scored::model).toList(), bottom.stream().map(Scored::model).toList(),
                newest.value(), oldest.value(), disputed, newestEarliest.compareTo(oldestLatest) > 0));
    }

    /** Only models measured the same way as the first measured one (same benchmark and variant) are ranked. */
    private static Optional<Difference> speed(List<Model> models, BenchmarkKind kind) {
        List<Scored<Benchmark>> measured = new ArrayList<>();
        for (Model m : models) {
            Differences.plainMeasure(m, kind).filter(b -> measured.isEmpty() || measured.get(0).value().comparableWith(b))
                    .ifPresent(b -> measured.add(new Scored<>(m, b)));
        }
        if (measured.size() < 2) {
            return Optional.empty();
        }
        Comparator<BigDecimal> better = kind.higherIsBetter() ? Comparator.<BigDecimal>naturalOrder() : Comparator.<BigDecimal>reverseOrder();
        BigDecimal best = measured.stream().map(s -> s.value().score()).max(better).orElseThrow();
        BigDecimal worst = measured.stream().map(s -> s.value().score()).min(better).orElseThrow();
        if (best.compareTo(worst) == 0) {
            return Optional.empty();
        }
        Benchmark reference = measured.get(0).value();
        String source = "Artificial Analysis".regionMatches(true, 0, reference.name(), 0, 19)
                ? "Artificial Analysis, " + reference.source().asOf() : reference.source().source() + ", " + reference.source().asOf();
        List<Scored<BigDecimal>> scores = measured.stream().map(s -> new Scored<>(s.model(), s.value().score())).toList();
        return Optional.of(new SpeedRange(kind, holding(scores, best, BigDecimal::compareTo), holding(scores, worst, BigDecimal::compareTo), best, worst, source));
    }

    /** One range per quality benchmark identity two or more of the models have, in the order first met. */
    private static List<Difference> benchmarks(List<Model> models) {
        Map<Benchmark.Identity, List<Scored<BigDecimal>>> rows = new LinkedHashMap<>();
        Map<Benchmark.Identity, String> names = new LinkedHashMap<>();
        for (Model m : models) {
            for (Benchmark b : m.benchmarks(BenchmarkKind.QUALITY)) {
                List<Scored<BigDecimal>> row = rows.computeIfAbsent(b.identity(), k -> new ArrayList<>());
                if (row.stream().noneMatch(s -> s.model() == m)) {
                    row.add(new Scored<>(m, b.score()));
                    names.putIfAbsent(b.identity(), b.fullName());
                }
            }
        }
        List<Difference> out = new ArrayList<>();
        rows.forEach((identity, scores) -> {
            if (scores.size() >= 2) {
                BigDecimal high = scores.stream().map(Scored::value).max(BigDecimal::compareTo).orElseThrow();
                BigDecimal low = scores.stream().map(Scored::value).min(BigDecimal::compareTo).orElseThrow();
                out.add(new BenchmarkRange(names.get(identity), high.compareTo(low) == 0 ? scores.stream().map(Scored::model).toList()
                        : holding(scores, high, BigDecimal::compareTo), holding(scores, low, BigDecimal::compareTo), high, low));
            }
        });
        return out;
    }

    /** The models whose value equals {@code target}, in the order compared. */
    private static <T> List<Model> holding(List<Scored<T>> scored, T target, Comparator<T> order) {
        return scored.stream().filter(s -> order.compare(s.value(), target) == 0).map(Scored::model).toList();
    }
}
