package io.modelatlas.api;

import io.modelatlas.api.SourceJson.FactJson;
import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Status;
import io.modelatlas.catalog.Strength;
import io.modelatlas.compare.Blend;
import io.modelatlas.compare.Projection;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model with every figure's source: the body of {@code GET /api/v1/models/{id}} and {@code show --format json}.
 *
 * @param bestForEditorial true whenever {@code best_for} is present: that list is ModelAtlas's own judgement
 * @param versions         dated snapshots of this model sold on terms of their own (their own ids), absent when none
 * @param versionOf        the model this dated snapshot is a version of, absent when it is none
 * @param leaderboardScores every published leaderboard score of the model (see {@code /api/v1/benchmarks}), empty when none
 */
public record ModelJson(
        String id,
        String displayName,
        String creatorId,
        String creatorName,
        String family,
        String type,
        List<String> aliases,
        FactJson description,
        FactJson releaseDate,
        FactJson knowledgeCutoff,
        FactJson inputModalities,
        FactJson outputModalities,
        FactJson contextWindow,
        FactJson maxInputTokens,
        FactJson maxOutputTokens,
        Map<String, FactJson> capabilities,
        List<String> endpoints,
        FactJson status,
        String tokenizer,
        OfferingJson prices,
        List<BlendedJson> blendedPrices,
        List<BenchmarkJson> benchmarks,
        List<LeaderboardJson.ModelScoreJson> leaderboardScores,
        List<StrengthJson> strengths,
        List<String> bestFor,
        Boolean bestForEditorial,
        List<OfferingJson> offerings,
        List<String> versions,
        String versionOf) {

    /** A curated strength: with its {@code source}, or {@code editorial} (ModelAtlas's own judgement) when it has none. */
    public record StrengthJson(String title, List<String> points, String source, boolean editorial) {
        static StrengthJson from(Strength s) {
            return new StrengthJson(s.title(), s.points(), s.source(), s.editorial());
        }
    }

    /** A blended price per million tokens with the definition that makes it meaningful. */
    public record BlendedJson(String blend, String definition, BigDecimal usdPerMillion) {}

    /** A score; two compare only when {@code name}, {@code variant} and {@code metric} are all equal. */
    public record BenchmarkJson(String name, String variant, String metric, BigDecimal score, String kind, SourceJson source) {
        static BenchmarkJson from(Benchmark b) {
            return new BenchmarkJson(b.name(), b.variant(), b.metric(), b.score(), b.kind().name().toLowerCase(java.util.Locale.ROOT),
                    SourceJson.from(b.source()));
        }
    }

    /**
     * One provider's offering; {@code prices} absent when unknown; {@code priceNote} says why a price a source wrote is
     * not used (a reseller's $0 placeholder).
     */
    public record OfferingJson(String provider, String apiModelId, String qualifiedId, PriceSheetJson prices, SourceJson pricesSource,
                               List<SourceJson.Other> pricesDisagreements, Long contextWindow, Long maxOutputTokens, String priceNote) {
        public static OfferingJson from(Offering o) {
            return new OfferingJson(o.provider(), o.apiModelId(), o.qualifiedId(),
                    o.prices() == null ? null : PriceSheetJson.from(o.prices().value()),
                    o.prices() == null ? null : SourceJson.from(o.prices().source()),
                    o.prices() == null || !o.prices().disputed() ? null
                            : o.prices().disagreements().stream().map(a -> new SourceJson.Other(PriceSheetJson.from(a.value()), SourceJson.from(a.source()))).toList(),
                    o.contextWindow(), o.maxOutputTokens(), o.priceNote());
        }
    }

    /** The model with its versions as the catalog holds them. */
    public static ModelJson from(Model m, Catalog catalog) {
        List<String> versions = catalog.versions(m).stream().map(Model::id).toList();
        return from(m, versions.isEmpty() ? null : versions, catalog.versionOf(m).map(Model::id).orElse(null),
                LeaderboardJson.ofModel(m.id(), catalog.leaderboardsOf(List.of(m.id()))));
    }

    private static ModelJson from(Model m, List<String> versions, String versionOf, List<LeaderboardJson.ModelScoreJson> leaderboardScores) {
        Map<String, FactJson> caps = new LinkedHashMap<>();
        for (Capability c : Capability.values()) {
            m.capability(c).ifPresent(f -> caps.put(c.jsonName(), FactJson.from(f)));
        }
        List<BlendedJson> blended = m.prices().map(sheet -> Blend.standard().stream()
                .flatMap(b -> Projection.blendedPerMillion(sheet, b).map(v -> new BlendedJson(b.id(), b.definition(), v)).stream())
                .toList()).orElse(List.of());
        return new ModelJson(m.id(), m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.type().jsonName(), m.aliases(),
                FactJson.prose(m.description()), FactJson.from(m.releaseDate(), Object::toString), FactJson.from(m.knowledgeCutoff(), Object::toString),
                FactJson.from(m.inputModalities(), ModelJson::modalities), FactJson.from(m.outputModalities(), ModelJson::modalities),
                FactJson.from(m.contextWindow()), FactJson.from(m.maxInputTokens()), FactJson.from(m.maxOutputTokens()), caps, m.endpoints(),
                FactJson.from(m.status(), ModelJson::status), m.tokenizer(), m.primaryOffering().map(OfferingJson::from).orElse(null),
                blended.isEmpty() ? null : blended, m.benchmarks().stream().map(BenchmarkJson::from).toList(), leaderboardScores,
                m.strengths().stream().map(StrengthJson::from).toList(), m.bestFor(), m.bestFor().isEmpty() ? null : Boolean.TRUE,
                m.offerings().stream().map(OfferingJson::from).toList(), versions, versionOf);
    }

    static List<String> modalities(Set<Modality> set) {
        return set.stream().sorted().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    static Map<String, Object> status(Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lifecycle", s.lifecycle().jsonName());
        if (s.successorId() != null) {
            out.put("successor", s.successorId());
        }
        if (s.deprecationDate() != null) {
            out.put("deprecation_date", s.deprecationDate().toString());
        }
        return out;
    }
}
