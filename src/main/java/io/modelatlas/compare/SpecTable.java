package io.modelatlas.compare;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Status;
import io.modelatlas.compare.Comparison.Cell;
import io.modelatlas.compare.Comparison.SpecRow;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.TokenRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the "at a glance" rows: one cell per model, each with its source. */
final class SpecTable {
    private final Function<String, String> nameOfId;

    SpecTable(Function<String, String> nameOfId) {
        this.nameOfId = nameOfId;
    }

    List<SpecRow> rows(List<Model> models) {
        List<SpecRow> rows = new ArrayList<>();
        rows.add(row("creator", "Creator", models, m -> new Cell(m.creatorName(), m.creatorName(), null, List.of())));
        rows.add(row("type", "Model type", models, m -> new Cell(m.type().label(), m.type().jsonName(), null, List.of())));
        rows.add(row("context_window", "Context window", models, m -> tokens(m.contextWindow())));
        if (models.stream().anyMatch(SpecTable::maxInputDiffersFromContext)) {
            rows.add(row("max_input_tokens", "Max input", models, m -> tokens(m.maxInputTokens())));
        }
        rows.add(row("max_output_tokens", "Max output", models, m -> tokens(m.maxOutputTokens())));
        rows.add(row("input_price", "Input price", models, m -> rate(m, PriceKind.INPUT)));
        rows.add(row("cached_input_price", "Cached input price", models, m -> rate(m, PriceKind.CACHED_INPUT)));
        rows.add(row("output_price", "Output price", models, m -> rate(m, PriceKind.OUTPUT)));
        if (models.stream().anyMatch(m -> m.prices().flatMap(PriceSheet::cheapestImage).isPresent())) {
            rows.add(row("image_price", "Image generation", models, SpecTable::imagePrice));
        }
        if (models.stream().anyMatch(m -> m.prices().flatMap(s -> s.forTier(ServiceTier.BATCH)).isPresent())) {
            rows.add(row("batch_price", "Batch input / output", models, SpecTable::batchPrice));
        }
        rows.add(row("modalities", "Modalities", models, SpecTable::modalities));
        rows.add(row("knowledge_cutoff", "Knowledge cutoff", models, m -> fact(m.knowledgeCutoff(), d -> d.display(), Object::toString)));
        rows.add(row("release_date", "Release date", models, m -> fact(m.releaseDate(), d -> d.display(), Object::toString)));
        rows.add(row("status", "Status", models, m -> status(m.status())));
        return rows;
    }

    private static SpecRow row(String key, String label, List<Model> models, Function<Model, Cell> cell) {
        return new SpecRow(key, label, models.stream().map(cell).toList());
    }

    private static boolean maxInputDiffersFromContext(Model m) {
        return m.maxInputTokens() != null && m.contextWindow() != null
                && !m.maxInputTokens().value().equals(m.contextWindow().value());
    }

    private static Cell tokens(Fact<Long> f) {
        return fact(f, n -> Format.count(n) + " tokens", n -> n);
    }

    private static <T> Cell fact(Fact<T> f, Function<T, String> text, Function<T, Object> value) {
        if (f == null) {
            return Cell.unknown();
        }
        List<String> others = f.disagreements().stream()
                .map(a -> text.apply(a.value()) + " (" + a.source().source() + (f.isNewer(a) ? ", newer" : "") + ")")
                .toList();
        return new Cell(text.apply(f.value()), value.apply(f.value()), f.source(), others);
    }

    private static Cell rate(Model m, PriceKind kind) {
        Offering o = m.primaryOffering().orElse(null);
        if (o == null) {
            return Cell.unknown();
        }
        TokenRate r = o.prices().value().rate(kind).orElse(null);
        if (r == null) {
            return Cell.unknown();
        }
        List<String> others = o.prices().disagreements().stream()
                .map(a -> a.value().rate(kind).filter(x -> !x.equals(r))
                        .map(x -> Format.usd(x.usdPerMillion()) + " (" + a.source().source() + (o.prices().isNewer(a) ? ", newer" : "") + ")").orElse(null))
                .filter(Objects::nonNull)
                .toList();
        return new Cell(Format.usd(r.usdPerMillion()) + " / 1M tokens", r.usdPerMillion(), o.prices().source(), others);
    }

    private static Cell imagePrice(Model m) {
        Offering o = m.primaryOffering().orElse(null);
        ImagePrice p = o == null ? null : o.prices().value().cheapestImage().orElse(null);
        if (p == null) {
            return Cell.unknown();
        }
        return new Cell("From " + Format.usd(p.usdPerImage()) + " / image", p.usdPerImage(), o.prices().source(), List.of());
    }

    private static Cell batchPrice(Model m) {
        Offering o = m.primaryOffering().orElse(null);
        PriceSheet batch = o == null ? null : o.prices().value().forTier(ServiceTier.BATCH).orElse(null);
        if (batch == null || batch.rate(PriceKind.INPUT).isEmpty() || batch.rate(PriceKind.OUTPUT).isEmpty()) {
            return Cell.unknown();
        }
        TokenRate in = batch.rate(PriceKind.INPUT).get();
        TokenRate out = batch.rate(PriceKind.OUTPUT).get();
        return new Cell(Format.usd(in.usdPerMillion()) + " / " + Format.usd(out.usdPerMillion()) + " per 1M",
                List.of(in.usdPerMillion(), out.usdPerMillion()), o.prices().source(), List.of());
    }

    private static Cell modalities(Model m) {
        if (m.inputModalities() == null || m.outputModalities() == null) {
            return Cell.unknown();
        }
        String text = names(m.inputModalities().value()) + " → " + names(m.outputModalities().value());
        return new Cell(text, text, m.inputModalities().source(), List.of());
    }

    private static String names(Set<Modality> modalities) {
        return modalities.stream().sorted().map(Modality::label).collect(Collectors.joining(", "));
    }

    private Cell status(Fact<Status> f) {
        Status s = f.value();
        String text = switch (s.lifecycle()) {
            case CURRENT -> "Current";
            case SUPERSEDED -> "Superseded by " + nameOfId.apply(s.successorId());
            case DEPRECATED -> "Deprecated" + (s.deprecationDate() == null ? "" : " (shutdown " + s.deprecationDate() + ")");
        };
        Object value = s.lifecycle() == Lifecycle.SUPERSEDED ? s.successorId() : s.lifecycle().jsonName();
        return new Cell(text, value, f.source(), List.of());
    }
}
