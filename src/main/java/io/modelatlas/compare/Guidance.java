package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.compare.Comparison.Faq;
import io.modelatlas.compare.Comparison.Recommendation;
import io.modelatlas.compare.Comparison.VolumeTable;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** "Which should you choose" and the FAQs, derived from the figures; each answer says when data is missing. */
final class Guidance {
    private final Function<String, String> nameOfId;

    Guidance(Function<String, String> nameOfId) {
        this.nameOfId = nameOfId;
    }

    private static final String ARENA_OVERALL = "lmarena-text-full";

    List<Recommendation> recommendations(List<Model> models, Performance performance) {
        List<Recommendation> out = new ArrayList<>();
        List<Model> text = models.stream().filter(m -> m.type().isText()).toList();
        Optional<ImageQuotes> quotes = ImageQuotes.of(models);
        if (text.size() < models.size()) {
            // one recommendation per kind of work: a kind only one model does names it; two or more image models
            // priced per image are told apart by price per image below; others of one kind are not told apart here
            for (Model m : models) {
                boolean onlyOfItsKind = models.stream().filter(x -> x.type() == m.type()).count() == 1;
                if (!m.type().isText() && onlyOfItsKind) {
                    String pricing = ImageQuotes.perImage(m) ? ", priced per image (from " + ImageQuotes.cheapestImage(m).orElseThrow() + ")" : "";
                    String others = text.size() == 1 ? "the text model cannot" : text.isEmpty() ? "the others cannot" : "the text models cannot";
                    out.add(new Recommendation(m.type().label() + " work", m.id(), m.displayName(), m.displayName() + " is the " + m.type().label().toLowerCase(java.util.Locale.ROOT)
                            + " model " + (models.size() == 2 ? "of the two" : "of them") + pricing + "; " + others + " do this job."));
                }
            }
            text.stream().findFirst().ifPresent(m -> out.add(new Recommendation("Text and chat", m.id(), m.displayName(),
                    m.displayName() + " reads and writes text; pair it with the " + models.stream().filter(x -> !x.type().isText()).map(x -> x.type().label().toLowerCase(java.util.Locale.ROOT)).distinct().collect(Collectors.joining(", ")) + " model where the job needs both.")));
        }
        quotes.flatMap(Guidance::cheapestPerImage).ifPresent(out::add);
        quotes.ifPresent(q -> q.models().forEach(m -> q.onlyBy(m).ifPresent(only -> out.add(new Recommendation(
                "Image qualities and sizes only one sells", m.id(), m.displayName(), only)))));
        cheapest(text, PriceKind.INPUT).ifPresent(c -> out.add(new Recommendation(
                "Input-heavy work (document analysis, RAG, classification)", c.model.id(), c.model.displayName(),
                c.model.displayName() + " charges " + Format.usd(c.rate.usdPerMillion()) + " per million input tokens" + c.against)));
        cheapest(text, PriceKind.OUTPUT).ifPresent(c -> out.add(new Recommendation(
                "Output-heavy work (long answers, reports, code generation)", c.model.id(), c.model.displayName(),
                c.model.displayName() + " charges " + Format.usd(c.rate.usdPerMillion()) + " per million output tokens" + c.against)));
        largest(text, Model::contextWindow).ifPresent(m -> out.add(new Recommendation("Very long inputs", m.id(), m.displayName(),
                m.displayName() + " has the largest context window (" + Format.count(m.contextWindow().value()) + " tokens).")));
        qualityLeader(text, performance).ifPresent(out::add);
        speedLeader(text).ifPresent(out::add);
        for (Capability c : List.of(Capability.FUNCTION_CALLING, Capability.STRUCTURED_OUTPUT, Capability.VISION, Capability.REASONING, Capability.AUDIO_INPUT)) {
            List<Model> with = models.stream().filter(m -> m.supports(c).orElse(false)).toList();
            List<Model> without = models.stream().filter(m -> !m.supports(c).orElse(true)).toList();
            if (with.size() == 1 && !without.isEmpty()) {
                out.add(new Recommendation("Needs " + c.label(), with.get(0).id(), with.get(0).displayName(), with.get(0).displayName() + " supports " + c.label()
                        + "; " + names(without) + " does not."));
            }
        }
        for (Model m : models) {
            if (m.isSuperseded()) {
                String s = m.status().value().successorId();
                out.add(new Recommendation("New builds instead of " + m.displayName(), s, nameOfId.apply(s),
                        m.displayName() + " has been superseded by " + nameOfId.apply(s) + "; compare the successor before committing."));
            }
        }
        return out;
    }

    /**
     * Image work at the lowest price per image: the model no dearer at any quality and size the image models all sell,
     * or, where the cheaper one changes with quality and size, the one cheapest at the cheapest of them; none when
     * they charge the same or sell nothing in common.
     */
    private static Optional<Recommendation> cheapestPerImage(ImageQuotes q) {
        if (q.shared().isEmpty() || q.allSame()) {
            return Optional.empty();
        }
        Optional<Model> throughout = q.cheapestThroughout();
        if (throughout.isPresent()) {
            Model m = throughout.get();
            return Optional.of(new Recommendation("Image work at the lowest price per image", m.id(), m.displayName(), q.priceText()));
        }
        // the cheaper one changes with quality and size: name the one cheaper where images cost least, if one is
        String id = q.lowest().cheapestModelId();
        return q.models().stream().filter(x -> x.id().equals(id)).findFirst().map(m -> new Recommendation(
                "Image work at the lowest price per image", m.id(), m.displayName(),
                m.displayName() + " is cheaper at the cheapest quality and size " + (q.models().size() == 2 ? "both" : "all") + " price, not at all of them. " + q.priceText()));
    }

    private record Cheapest(Model model, TokenRate rate, String against) {}

    private static Optional<Cheapest> cheapest(List<Model> models, PriceKind kind) {
        List<Model> priced = models.stream().filter(m -> m.prices().flatMap(s -> s.rate(kind)).isPresent()).toList();
        if (priced.size() < 2) {
            return Optional.empty();
        }
        Comparator<Model> byRate = Comparator.comparing(m -> m.prices().get().rate(kind).get());
        Model best = priced.stream().min(byRate).get();
        TokenRate bestRate = best.prices().get().rate(kind).get();
        List<Model> others = priced.stream().filter(m -> m != best).toList();
        if (others.stream().allMatch(m -> m.prices().get().rate(kind).get().equals(bestRate))) {
            return Optional.empty();
        }
        String against = ", against " + others.stream()
                .map(m -> Format.usd(m.prices().get().rate(kind).get().usdPerMillion()) + " for " + m.displayName())
                .collect(Collectors.joining(", ")) + ".";
        return Optional.of(new Cheapest(best, bestRate, against));
    }

    private static Optional<Model> largest(List<Model> models, Function<Model, Fact<Long>> f) {
        List<Model> known = models.stream().filter(m -> f.apply(m) != null).toList();
        if (known.size() < 2) {
            return Optional.empty();
        }
        Model max = known.stream().max(Comparator.comparing(m -> f.apply(m).value())).get();
        boolean unique = known.stream().filter(m -> f.apply(m).value().equals(f.apply(max).value())).count() == 1;
        return unique ? Optional.of(max) : Optional.empty();
    }

    /**
     * A quality recommendation only where the benchmarks make one plain: LMArena's overall board separates the models
     * outside its 95% bounds, or one model leads on every shared headline benchmark. Wins on different benchmarks are
     * never counted up into a grade.
     */
    private Optional<Recommendation> qualityLeader(List<Model> models, Performance performance) {
        if (models.size() < 2 || performance.empty()) {
            return Optional.empty();
        }
        Optional<Performance.Row> arena = performance.rows().stream()
                .filter(r -> r.benchmark().id().equals(ARENA_OVERALL) && r.variant().isEmpty() && !r.tie() && r.leaders().size() == 1).findFirst();
        if (arena.isPresent()) {
            String id = arena.get().leaders().get(0);
            String finding = arena.get().finding();
            return Optional.of(new Recommendation("Quality as people judge it (blind side-by-side votes)", id, nameOfId.apply(id),
                    finding.substring(0, finding.length() - 1) + " (LMArena, " + arena.get().scores().get(0).source().asOf() + ")."));
        }
        List<Performance.Row> ranked = performance.headline().stream().filter(r -> !r.scores().isEmpty() && r.benchmark().higherIsBetter() != null
                && r.benchmark().kind() == BenchmarkKind.QUALITY).toList();
        List<String> leaders = ranked.stream().map(r -> r.leaders().size() == 1 ? r.leaders().get(0) : "").distinct().toList();
        if (ranked.isEmpty() || leaders.size() != 1 || leaders.get(0).isEmpty()) {
            return Optional.empty();
        }
        String id = leaders.get(0);
        String scored = (models.size() == 2 ? "both" : "all of them") + " are scored on";
        return Optional.of(new Recommendation("Highest measured quality", id, nameOfId.apply(id), ranked.size() == 1
                ? "The one quality benchmark " + scored + ": " + ranked.get(0).finding()
                : nameOfId.apply(id) + " leads on every one of the " + ranked.size() + " quality benchmarks " + scored + " (see which performs better)."));
    }

    private static Optional<Recommendation> speedLeader(List<Model> models) {
        List<Model> measured = models.stream().filter(m -> Differences.plainMeasure(m, BenchmarkKind.OUTPUT_SPEED).isPresent()).toList();
        if (measured.size() < 2) {
            return Optional.empty();
        }
        Model fastest = measured.stream().max(Comparator.comparing(m -> Differences.plainMeasure(m, BenchmarkKind.OUTPUT_SPEED).get().score())).get();
        Benchmark b = Differences.plainMeasure(fastest, BenchmarkKind.OUTPUT_SPEED).get();
        return Optional.of(new Recommendation("Fastest streaming (chat UIs, real-time)", fastest.id(), fastest.displayName(), fastest.displayName() + " streams "
                + Format.number(b.score().setScale(0, java.math.RoundingMode.HALF_EVEN)) + " output tokens per second (median, " + b.source().source() + ", " + b.source().asOf() + ")."));
    }

    /** The headline findings, at most five, or plainly that no benchmark scores them together. */
    private static String performanceAnswer(List<Model> models, Performance performance) {
        if (performance.empty()) {
            return performance.noneSentence(models);
        }
        List<Performance.Row> shown = performance.headline().stream().limit(5).toList();
        return String.join(" ", shown.stream().map(Performance.Row::finding).toList())
                + (performance.rows().size() > shown.size() ? " The benchmark table lists all " + performance.rows().size() + " shared benchmarks." : "");
    }

    List<Faq> faqs(List<Model> models, List<Recommendation> recommendations, List<VolumeTable> volumes, Performance performance) {
        List<Faq> out = new ArrayList<>();
        String names = names(models);
        out.add(new Faq("Which is cheaper, " + orList(models) + "?", cheaperAnswer(models, volumes)));
        out.add(new Faq("Which has the larger context window?", contextAnswer(models)));
        out.add(new Faq("What are their knowledge cutoffs?", models.stream().map(Guidance::cutoffText).collect(Collectors.joining(" "))));
        out.add(new Faq("Which performs better?", performanceAnswer(models, performance)));
        out.add(new Faq("Which is faster?", speedAnswer(models)));
        out.add(new Faq("Can I switch between " + names + " without changing code?", switchAnswer(models)));
        out.add(new Faq("Should I use " + orList(models) + "?", recommendations.isEmpty()
                ? "Our sources do not separate them on price, context, capabilities or benchmarks; run both on your own workload before choosing."
                : recommendations.stream().limit(4).map(r -> "For " + lowerFirst(r.job()) + ": " + r.modelName() + ".")
                        .collect(Collectors.joining(" ")) + " Run both on your own prompts before committing: list prices do not measure quality on your task."));
        return out;
    }

    private static String cheaperAnswer(List<Model> models, List<VolumeTable> volumes) {
        if (models.stream().anyMatch(ImageQuotes::perImage)) {
            return cheaperPerImageAnswer(models);
        }
        List<String> priceTexts = new ArrayList<>();
        for (Model m : models) {
            priceTexts.add(m.displayName() + ": " + priceText(m));
        }
        String prices = String.join("; ", priceTexts) + ".";
        Optional<Comparison.VolumeRow> tenMillion = volumes.isEmpty() ? Optional.empty()
                : volumes.get(0).rows().stream().filter(r -> r.tokensPerMonth() == 10_000_000L && r.cheapestModelId() != null).findFirst();
        if (tenMillion.isEmpty()) {
            return "They are priced differently, so no single number compares them. " + prices;
        }
        Comparison.VolumeRow row = tenMillion.get();
        Model cheapest = models.stream().filter(m -> m.id().equals(row.cheapestModelId())).findFirst().orElseThrow();
        StringBuilder costs = new StringBuilder();
        for (int i = 0; i < models.size(); i++) {
            if (row.costs().get(i) != null) {
                costs.append(costs.length() == 0 ? "" : " vs ").append(Format.usdCents(row.costs().get(i))).append(" for ").append(models.get(i).displayName());
            }
        }
        return cheapest.displayName() + " is cheaper. " + prices + " At 10 million tokens a month (" + volumes.get(0).blend().label() + "), that is "
                + costs + ". Actual cost depends on how many tokens your workload reads and writes.";
    }

    /**
     * Image models priced per image are compared per image, never on the token prices that bill their prompts; with a
     * model priced per token in the comparison, each is given in its own unit.
     */
    private static String cheaperPerImageAnswer(List<Model> models) {
        Optional<ImageQuotes> quotes = ImageQuotes.of(models);
        if (models.stream().allMatch(ImageQuotes::perImage)) {
            ImageQuotes q = quotes.orElseThrow();
            return q.cheapestThroughout().map(m -> m.displayName() + " is cheaper per image. ").orElse("") + q.sentence();
        }
        String each = models.stream().map(m -> m.displayName() + " " + ImageQuotes.pricedAs(m).orElse("has no price in our sources"))
                .collect(Collectors.joining("; "));
        return "They are priced in different units, so no single number compares them: " + each + "."
                + quotes.map(q -> " Between the image models: " + q.sentence()).orElse("");
    }

    private static String priceText(Model m) {
        Optional<PriceSheet> sheet = m.prices();
        if (sheet.isEmpty()) {
            return "price unknown in our sources";
        }
        List<String> parts = new ArrayList<>();
        sheet.get().rate(PriceKind.INPUT).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " input"));
        sheet.get().rate(PriceKind.OUTPUT).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " output"));
        return parts.isEmpty() ? "no token price in our sources" : String.join(" / ", parts) + " per million tokens";
    }

    private static String contextAnswer(List<Model> models) {
        List<Model> known = models.stream().filter(m -> m.contextWindow() != null).toList();
        String unknown = models.stream().filter(m -> m.contextWindow() == null)
                .map(m -> m.displayName() + " has no context window in our sources" + (m.type().isText() ? "." : " (it is " + Format.withArticle(m.type().label()) + " model)."))
                .collect(Collectors.joining(" "));
        if (known.isEmpty()) {
            return unknown;
        }
        long max = known.stream().mapToLong(m -> m.contextWindow().value()).max().getAsLong();
        List<Model> top = known.stream().filter(m -> m.contextWindow().value() == max).toList();
        String head = top.size() == known.size() && known.size() > 1
                ? "They are equal: " + names(known) + " each take " + Format.count(max) + " tokens."
                : names(top) + " " + (top.size() == 1 ? "has" : "have") + " the larger window, " + Format.count(max) + " tokens"
                + known.stream().filter(m -> m.contextWindow().value() != max)
                        .map(m -> ", against " + Format.count(m.contextWindow().value()) + " for " + m.displayName()).collect(Collectors.joining()) + ".";
        return unknown.isEmpty() ? head : head + " " + unknown;
    }

    private static String cutoffText(Model m) {
        if (m.knowledgeCutoff() == null) {
            return m.displayName() + ": not stated by our sources.";
        }
        Fact<io.modelatlas.catalog.PartialDate> f = m.knowledgeCutoff();
        String others = f.disagreements().stream().map(a -> a.value().display() + " per " + a.source().source()).collect(Collectors.joining(", "));
        return m.displayName() + ": " + f.value().display() + " per " + f.source().source() + (others.isEmpty() ? "." : " (" + others + ").");
    }

    private static String speedAnswer(List<Model> models) {
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Model m : models) {
            Optional<Benchmark> tps = Differences.plainMeasure(m, BenchmarkKind.OUTPUT_SPEED);
            Optional<Benchmark> ttft = Differences.plainMeasure(m, BenchmarkKind.TIME_TO_FIRST_TOKEN);
            if (tps.isEmpty() && ttft.isEmpty()) {
                missing.add(m.displayName());
                continue;
            }
            String s = m.displayName() + ": " + tps.map(b -> Format.number(b.score().setScale(0, java.math.RoundingMode.HALF_EVEN)) + " output tokens/s").orElse("output speed not measured")
                    + ttft.map(b -> ", " + Format.number(b.score().setScale(2, java.math.RoundingMode.HALF_EVEN)) + " s to the first token").orElse("")
                    + " (" + tps.or(() -> ttft).get().source().source() + ", " + tps.or(() -> ttft).get().source().asOf() + ")";
            parts.add(s);
        }
        String measured = parts.isEmpty() ? "" : "Median measurements: " + String.join("; ", parts) + ".";
        String none = missing.isEmpty() ? "" : "Our sources have no speed measurements for " + String.join(" or ", missing) + ".";
        return (measured + " " + none).trim() + " Latency on your own traffic depends on prompt length and region: measure it with `modelatlas eval`.";
    }

    private static String switchAnswer(List<Model> models) {
        boolean allChat = models.stream().allMatch(m -> m.type() == ModelType.CHAT);
        boolean sameProvider = models.stream().map(Model::creatorId).distinct().count() == 1;
        if (allChat && sameProvider) {
            return "Yes: " + (models.size() == 2 ? "both" : "all") + " are chat models served by " + models.get(0).creatorName() + "'s Chat Completions API with the same request and response format, so switching is a change of the `model` parameter (e.g. \""
                    + models.get(0).id() + "\" to \"" + models.get(1).id() + "\"). Re-run your tests: outputs differ.";
        }
        if (allChat) {
            return "They are chat models from different providers. Through an OpenAI-compatible endpoint (for example a router) switching is a change of the `model` parameter; against each provider's own API, the client and request format differ.";
        }
        return "No: " + models.stream().map(m -> m.displayName() + " is " + Format.withArticle(m.type().label()) + " model").collect(Collectors.joining(" and "))
                + ", served by different endpoints; they do different jobs rather than replace each other.";
    }

    private static String names(List<Model> models) {
        List<String> n = models.stream().map(Model::displayName).toList();
        return n.size() <= 2 ? String.join(" and ", n) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    private static String orList(List<Model> models) {
        List<String> n = models.stream().map(Model::displayName).toList();
        return n.size() <= 2 ? String.join(" or ", n) : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
