package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceSheet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model, independent of who sells it, with every offering of it. Any {@link Fact} component may be null:
 * null means no source says, and pages show "unknown", never 0.
 *
 * @param id            the catalog id, the creator's API id where there is one ({@code gpt-4.1-mini})
 * @param creatorId     {@code openai}; the offering of this provider is the model's first-party offering
 * @param tokenizer     the tiktoken encoding that counts this model's tokens exactly, or null when only an
 *                      estimate is possible
 */
public record Model(
        String id,
        String displayName,
        String creatorId,
        String creatorName,
        String family,
        List<String> aliases,
        ModelType type,
        Fact<String> description,
        Fact<PartialDate> releaseDate,
        Fact<PartialDate> knowledgeCutoff,
        Fact<Set<Modality>> inputModalities,
        Fact<Set<Modality>> outputModalities,
        Fact<Long> contextWindow,
        Fact<Long> maxInputTokens,
        Fact<Long> maxOutputTokens,
        Map<Capability, Fact<Boolean>> capabilities,
        List<String> endpoints,
        Fact<Status> status,
        List<Benchmark> benchmarks,
        List<Strength> strengths,
        List<String> bestFor,
        List<Offering> offerings,
        String tokenizer) {

    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(creatorId, "creatorId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        creatorName = creatorName == null ? creatorId : creatorName;
        aliases = List.copyOf(aliases);
        capabilities = Map.copyOf(capabilities);
        endpoints = List.copyOf(endpoints);
        benchmarks = Benchmark.distinct(benchmarks);
        strengths = List.copyOf(strengths);
        bestFor = List.copyOf(bestFor);
        offerings = Offerings.of(offerings, id, creatorId);
    }

    public Optional<Fact<Boolean>> capability(Capability c) {
        return Optional.ofNullable(capabilities.get(c));
    }

    /** True or false when a source says; empty when unknown. */
    public Optional<Boolean> supports(Capability c) {
        return capability(c).map(Fact::value);
    }

    /**
     * The offering whose prices stand for the model: the creator's own API (its offering under the model's own id
     * first, then dated snapshots) when it has a price; else the input price most providers agree on (the lower one
     * on a tie), so that one reseller's outlier does not speak for the model; empty when no offering has a price.
     */
    public Optional<Offering> primaryOffering() {
        return ((Offerings) offerings).primary();
    }

    /** Offerings whose price is 100 times off the model's other offerings: flagged, never the model's price. */
    public List<Offering> priceOutliers() {
        return ((Offerings) offerings).outliers();
    }

    /**
     * The offering of {@code provider} (any case), for a caller that names who sells it (web and CLI alike): a priced
     * one first when the provider lists the model more than once (regions, dated ids); empty when it sells none.
     */
    public Optional<Offering> offeringBy(String provider) {
        Optional<Offering> priced = offerings.stream().filter(o -> o.provider().equalsIgnoreCase(provider) && o.priceKnown()).findFirst();
        return priced.isPresent() ? priced : offerings.stream().filter(o -> o.provider().equalsIgnoreCase(provider)).findFirst();
    }

    public Optional<PriceSheet> prices() {
        return primaryOffering().map(o -> o.prices().value());
    }

    public boolean isSuperseded() {
        return status.value().lifecycle() == Lifecycle.SUPERSEDED;
    }

    public List<Benchmark> benchmarks(BenchmarkKind kind) {
        return benchmarks.stream().filter(b -> b.kind() == kind).toList();
    }
}
