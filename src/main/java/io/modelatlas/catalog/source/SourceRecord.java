package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.pricing.PriceSheet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one source says about one offering (a provider's model id), before merging. Null fields are unknown.
 * {@code creatorHint} is the lab the source names (OpenRouter's id prefix), or null. {@code variablePrice} is a source's
 * explicit statement that the price depends on routing (OpenRouter's {@code "-1"}): it makes the offering's price
 * unknown even where another source writes a placeholder 0. {@code deprecated} is a source's statement that the model
 * is deprecated when it gives no date (models.dev's {@code status}). {@code datedPrices} are the price periods a source
 * dates (genai-prices' {@code start_date} constraints), oldest first; empty for sources that give one price.
 */
record SourceRecord(
        Provenance provenance,
        String provider,
        String apiModelId,
        String creatorHint,
        String name,
        String family,
        ModelType type,
        PriceSheet prices,
        Long contextWindow,
        Long maxInputTokens,
        Long maxOutputTokens,
        PartialDate knowledgeCutoff,
        PartialDate releaseDate,
        Set<Modality> inputModalities,
        Set<Modality> outputModalities,
        Map<Capability, Boolean> capabilities,
        List<String> endpoints,
        LocalDate deprecationDate,
        boolean deprecated,
        String description,
        List<Benchmark> benchmarks,
        boolean variablePrice,
        List<DatedPrice> datedPrices) {

    SourceRecord {
        datedPrices = List.copyOf(datedPrices);
    }

    /** A record of a source that gives only the price in force. */
    SourceRecord(Provenance provenance, String provider, String apiModelId, String creatorHint, String name, String family, ModelType type,
                 PriceSheet prices, Long contextWindow, Long maxInputTokens, Long maxOutputTokens, PartialDate knowledgeCutoff,
                 PartialDate releaseDate, Set<Modality> inputModalities, Set<Modality> outputModalities, Map<Capability, Boolean> capabilities,
                 List<String> endpoints, LocalDate deprecationDate, boolean deprecated, String description, List<Benchmark> benchmarks,
                 boolean variablePrice) {
        this(provenance, provider, apiModelId, creatorHint, name, family, type, prices, contextWindow, maxInputTokens, maxOutputTokens,
                knowledgeCutoff, releaseDate, inputModalities, outputModalities, capabilities, endpoints, deprecationDate, deprecated,
                description, benchmarks, variablePrice, List.of());
    }

    String source() {
        return provenance.source();
    }
}
