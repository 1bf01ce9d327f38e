package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.catalog.Status;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Merges what the sources say into models. Offerings of one model are grouped by {@link ModelKeys}; a dated snapshot
 * ({@code gpt-4.1-2025-04-14}) joins its base model ({@code gpt-4.1}) as another offering when the base exists, so
 * its own prices stay visible while the model page stays one. Values are chosen by {@link SourcePrecedence}; the
 * creator's own offering speaks for the model's specs when there is one.
 */
final class CatalogMerger {
    private static final List<PriceKind> COMPARED = List.of(PriceKind.INPUT, PriceKind.OUTPUT, PriceKind.CACHED_INPUT);

    private final Overlay overlay;
    private final Set<String> fineTuned;
    private final Map<String, List<Benchmark>> benchmarks;
    private final LocalDate newestSource;
    private final Provenance fineTuneSource;

    CatalogMerger(Overlay overlay, Set<String> fineTuned, Map<String, List<Benchmark>> benchmarks, LocalDate newestSource, LocalDate litellmAsOf) {
        this.overlay = overlay;
        this.fineTuned = fineTuned;
        this.benchmarks = benchmarks;
        this.newestSource = newestSource;
        this.fineTuneSource = new Provenance(SourcePrecedence.LITELLM, "ft:<model> price entries", litellmAsOf);
    }

    List<Model> merge(List<SourceRecord> records) {
        Map<SourceRecord, String> keyOf = new java.util.IdentityHashMap<>();
        for (SourceRecord r : records) {
            keyOf.put(r, ModelKeys.of(r.apiModelId()));
        }
        Set<String> keys = new HashSet<>(keyOf.values());
        Map<String, List<SourceRecord>> byModel = new TreeMap<>();
        for (SourceRecord r : records) {
            String key = keyOf.get(r);
            String base = ModelKeys.undated(key);
            if (base != null && keys.contains(base)) {
                key = base;
            }
            byModel.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Model> models = new ArrayList<>(byModel.size());
        byModel.forEach((key, group) -> models.add(model(key, group, keyOf)));
        return models;
    }

    private String provider(SourceRecord r) {
        return overlay.provider(r.provider());
    }

    private Model model(String key, List<SourceRecord> group, Map<SourceRecord, String> keyOf) {
        String creator = creator(group);
        List<SourceRecord> own = group.stream().filter(r -> speaksForCreator(r, creator)).toList();
        List<SourceRecord> specs = new ArrayList<>(own.isEmpty() ? group : own);
        specs.sort(Comparator.comparingInt((SourceRecord r) -> SourcePrecedence.rank(SourcePrecedence.SPECS, r.source()))
                .thenComparing(r -> keyOf.get(r).equals(key) ? 0 : 1));
        Overlay.ModelOverlay curated = overlay.models().get(key);

        Map<Capability, Fact<Boolean>> caps = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            Fact<Boolean> f = fact(specs, r -> r.capabilities().get(c));
            if (f != null) {
                caps.put(c, f);
            }
        }
        if (fineTuned.contains(key)) {
            caps.put(Capability.FINE_TUNING, Fact.of(true, fineTuneSource));
        }
        List<Benchmark> scores = new ArrayList<>(benchmarks.getOrDefault(key, List.of()));
        group.stream().filter(r -> r.source().equals(SourcePrecedence.OPENROUTER)).findFirst().ifPresent(r -> scores.addAll(r.benchmarks()));

        return new Model(
                key,
                displayName(key, curated, specs, group),
                creator,
                overlay.creatorNames().getOrDefault(creator, creator),
                first(specs, SourceRecord::family),
                aliases(key, group, curated),
                type(specs, group),
                curated != null && curated.description() != null
                        ? Fact.of(curated.description(), overlayKey(key, "description"))
                        : fact(orderedForDescription(group), SourceRecord::description),
                fact(specs, SourceRecord::releaseDate),
                fact(specs, SourceRecord::knowledgeCutoff),
                fact(specs, SourceRecord::inputModalities),
                fact(specs, SourceRecord::outputModalities),
                fact(specs, SourceRecord::contextWindow),
                fact(specs, SourceRecord::maxInputTokens),
                fact(specs, SourceRecord::maxOutputTokens),
                caps,
                specs.stream().filter(r -> !r.endpoints().isEmpty()).findFirst().map(SourceRecord::endpoints).orElse(List.of()),
                status(key, curated, specs),
                scores,
                curated == null ? List.of() : curated.strengths(),
                curated == null ? List.of() : curated.bestFor(),
                offerings(key, creator, group),
                overlay.tokenizer(key).orElse(null));
    }

    /**
     * A record that describes the creator's own model: the creator's API, or a router's listing of the creator's
     * model under the creator's name (OpenRouter's {@code openai/gpt-4.1}), which states model facts such as the
     * knowledge cutoff. Resellers' entries (Azure, Bedrock) describe their deployment, not the model.
     */
    private boolean speaksForCreator(SourceRecord r, String creator) {
        return provider(r).equals(creator)
                || (r.source().equals(SourcePrecedence.OPENROUTER) && r.creatorHint() != null && overlay.creator(r.creatorHint()).equals(creator));
    }

    /** The creator: a first-party provider selling it, else the lab the sources name, else the first provider. */
    private String creator(List<SourceRecord> group) {
        for (SourceRecord r : group) {
            String p = provider(r);
            if (overlay.firstParty().containsKey(p)) {
                return overlay.firstParty().get(p);
            }
        }
        Map<String, Integer> hints = new TreeMap<>();
        for (SourceRecord r : group) {
            if (r.creatorHint() != null) {
                hints.merge(overlay.creator(r.creatorHint()), 1, Integer::sum);
            }
        }
        return hints.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(provider(group.get(0)));
    }

    /** The value of the most trusted record that has one; other sources' different values are kept. */
    private static <T> Fact<T> fact(List<SourceRecord> ordered, Function<SourceRecord, T> field) {
        T chosen = null;
        Provenance source = null;
        List<Fact.Alternative<T>> others = new ArrayList<>();
        Set<String> sourcesSeen = new HashSet<>();
        for (SourceRecord r : ordered) {
            T v = field.apply(r);
            if (v == null) {
                continue;
            }
            if (chosen == null) {
                chosen = v;
                source = r.provenance();
                sourcesSeen.add(r.source());
            } else if (sourcesSeen.add(r.source()) && !v.equals(chosen)) {
                others.add(new Fact.Alternative<>(v, r.provenance()));
            }
        }
        return chosen == null ? null : new Fact<>(chosen, source, others);
    }

    private static <T> T first(List<SourceRecord> ordered, Function<SourceRecord, T> field) {
        return ordered.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<SourceRecord> orderedForDescription(List<SourceRecord> group) {
        return group.stream().filter(r -> r.description() != null).limit(1).toList();
    }

    private String displayName(String key, Overlay.ModelOverlay curated, List<SourceRecord> specs, List<SourceRecord> group) {
        if (curated != null && curated.displayName() != null) {
            return curated.displayName();
        }
        String name = first(specs, SourceRecord::name);
        if (name == null) {
            name = first(group, SourceRecord::name);
        }
        return name == null || name.isBlank() ? key : name;
    }

    private static List<String> aliases(String key, List<SourceRecord> group, Overlay.ModelOverlay curated) {
        Set<String> out = new LinkedHashSet<>();
        if (curated != null) {
            out.addAll(curated.aliases());
        }
        for (SourceRecord r : group) {
            String id = r.apiModelId();
            if (!id.contains("/") && !id.equalsIgnoreCase(key)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private static ModelType type(List<SourceRecord> specs, List<SourceRecord> group) {
        for (List<SourceRecord> list : List.of(specs, group)) {
            for (String source : List.of(SourcePrecedence.LITELLM, SourcePrecedence.MODELS_DEV, SourcePrecedence.OPENROUTER)) {
                for (SourceRecord r : list) {
                    if (r.source().equals(source) && r.type() != null && r.type() != ModelType.OTHER) {
                        return r.type();
                    }
                }
            }
        }
        return ModelType.OTHER;
    }

    private Fact<Status> status(String key, Overlay.ModelOverlay curated, List<SourceRecord> specs) {
        if (curated != null && curated.status() != null) {
            return Fact.of(new Status(curated.status(), curated.successor(), null), overlayKey(key, "status"));
        }
        for (SourceRecord r : specs) {
            if (r.deprecationDate() != null) {
                return Fact.of(new Status(Lifecycle.DEPRECATED, null, r.deprecationDate()), r.provenance());
            }
        }
        return Fact.of(Status.current(), new Provenance("derived", "no source gives a deprecation date or successor", newestSource));
    }

    private Provenance overlayKey(String key, String field) {
        return new Provenance(SourcePrecedence.OVERLAY, "models." + key + "." + field, overlay.asOf(key));
    }

    private List<Offering> offerings(String key, String creator, List<SourceRecord> group) {
        Map<String, List<SourceRecord>> byOffering = new LinkedHashMap<>();
        for (SourceRecord r : group) {
            byOffering.computeIfAbsent(provider(r) + "|" + r.apiModelId().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
        List<Offering> out = new ArrayList<>();
        for (List<SourceRecord> same : byOffering.values()) {
            same.sort(Comparator.comparingInt(r -> SourcePrecedence.rank(SourcePrecedence.PRICES, r.source())));
            SourceRecord lead = same.get(0);
            out.add(new Offering(provider(lead), lead.apiModelId(), prices(same), first(sortedForSpecs(same), SourceRecord::contextWindow),
                    first(sortedForSpecs(same), SourceRecord::maxOutputTokens)));
        }
        out.sort(Comparator.comparing((Offering o) -> !o.provider().equals(creator))
                .thenComparing(o -> !o.apiModelId().equalsIgnoreCase(key))
                .thenComparing(Offering::provider)
                .thenComparing(Offering::apiModelId));
        return out;
    }

    private static List<SourceRecord> sortedForSpecs(List<SourceRecord> same) {
        List<SourceRecord> s = new ArrayList<>(same);
        s.sort(Comparator.comparingInt(r -> SourcePrecedence.rank(SourcePrecedence.SPECS, r.source())));
        return s;
    }

    /** The most trusted sheet; another source's sheet is a disagreement when a shared base rate differs. */
    private static Fact<PriceSheet> prices(List<SourceRecord> byPricePrecedence) {
        if (byPricePrecedence.stream().anyMatch(SourceRecord::variablePrice)) {
            return null;
        }
        PriceSheet chosen = null;
        Provenance source = null;
        List<Fact.Alternative<PriceSheet>> others = new ArrayList<>();
        for (SourceRecord r : byPricePrecedence) {
            if (r.prices() == null || r.prices().isEmpty()) {
                continue;
            }
            if (chosen == null) {
                chosen = r.prices();
                source = r.provenance();
            } else if (differ(chosen, r.prices())) {
                others.add(new Fact.Alternative<>(r.prices(), r.provenance()));
            }
        }
        return chosen == null ? null : new Fact<>(chosen, source, others);
    }

    private static boolean differ(PriceSheet a, PriceSheet b) {
        for (PriceKind k : COMPARED) {
            var ra = a.rate(k);
            var rb = b.rate(k);
            if (ra.isPresent() && rb.isPresent() && !ra.get().equals(rb.get())) {
                return true;
            }
        }
        return false;
    }

}
