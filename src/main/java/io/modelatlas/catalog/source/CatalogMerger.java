package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelIdentity;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Merges what the sources say into models, in two steps.
 *
 * <p><b>Identity.</b> Listings are grouped by {@link ModelIdentity#key}: spellings that differ in separators, word
 * order or date style are one model. A listing named with a wrapper word of {@link IdentityRules} (a host's name,
 * {@code -instruct}, {@code -latest}) joins the model named without it when that model exists; an explicit alias
 * of the rules wins over both. A dated snapshot ({@code gpt-4.1-2025-04-14}) joins its model as another offering
 * when every provider that lists both prices and limits them alike; otherwise ({@code gpt-4o-2024-05-13} at $5/$15
 * beside GPT-4o's $2.50/$10) it stays a model of its own, priced as itself everywhere.
 *
 * <p><b>Judged facts.</b> Who may speak for a model, in order: the curated overlay; the creator's own listings; a
 * router's listing under the creator's name (OpenRouter's {@code meta-llama/...}); then resellers, who never override
 * a fact of a better speaker. Within one rank {@link SourcePrecedence} decides. Limits that differ by host (Llama 3.3
 * 70B's max output is 4,096 at one host and 128,000 at another) are kept per offering, not shown as a disputed model
 * fact. A reseller's $0 is a placeholder, not a price, unless the listing is a labelled free tier.
 */
final class CatalogMerger {
    /**
     * Within one rank of {@link SourcePrecedence}, the newer observation speaks first (a source's copy refreshed later,
     * or an equal-ranked source that was read later); records without a date come last. Records of one source and
     * one date keep their order.
     */
    private static final Comparator<SourceRecord> NEWER_FIRST =
            Comparator.comparing((SourceRecord r) -> r.provenance().asOf(), Comparator.nullsLast(Comparator.reverseOrder()));

    private static final List<PriceKind> COMPARED = List.of(PriceKind.INPUT, PriceKind.OUTPUT, PriceKind.CACHED_INPUT);
    private static final String UNKNOWN_CREATOR = "unknown";
    /** Ranks of who speaks for a model, best first. */
    private static final int CREATOR = 0;
    private static final int ROUTER_UNDER_CREATOR = 1;
    private static final int RESELLER = 2;

    private final Overlay overlay;
    private final IdentityRules identity;
    private final Set<String> fineTuned;
    private final Map<String, List<Benchmark>> benchmarks;
    private final LocalDate newestSource;
    private final Provenance fineTuneSource;
    /** Identity keys of spellings seen by this merge: the same spelling recurs across sources and providers. */
    private final Map<String, String> keys = new HashMap<>();

    CatalogMerger(Overlay overlay, IdentityRules identity, Set<String> fineTuned, Map<String, List<Benchmark>> benchmarks, LocalDate newestSource,
                  LocalDate litellmAsOf) {
        this.overlay = overlay;
        this.identity = identity;
        this.fineTuned = fineTuned;
        this.benchmarks = benchmarks;
        this.newestSource = newestSource;
        this.fineTuneSource = new Provenance(SourcePrecedence.LITELLM, "ft:<model> price entries", litellmAsOf);
    }

    List<Model> merge(List<SourceRecord> records) {
        Map<SourceRecord, String> spelling = new IdentityHashMap<>();
        Map<SourceRecord, String> keyOf = new IdentityHashMap<>();
        for (SourceRecord r : records) {
            String s = identity.spelling(provider(r), ModelKeys.of(r.apiModelId()));
            spelling.put(r, s);
            keyOf.put(r, identity.alias(s).map(this::key).orElseGet(() -> key(s)));
        }
        Set<String> known = new HashSet<>(keyOf.values());
        Map<String, Optional<String>> unwrappedKeys = new HashMap<>();
        for (SourceRecord r : records) {
            String s = spelling.get(r);
            if (identity.alias(s).isEmpty()) {
                unwrappedKeys.computeIfAbsent(s, x -> {
                    List<String> wrappers = ModelIdentity.wordsOf(x, identity.wrapperWords());
                    return wrappers.isEmpty() ? Optional.empty() : unwrapped(x, wrappers, known);
                }).ifPresent(k -> keyOf.put(r, k));
            }
        }
        Map<String, List<SourceRecord>> byKey = new TreeMap<>();
        for (SourceRecord r : records) {
            byKey.computeIfAbsent(keyOf.get(r), k -> new ArrayList<>()).add(r);
        }
        joinSnapshots(byKey, spelling);
        List<Model> models = new ArrayList<>(byKey.size());
        byKey.forEach((key, group) -> models.add(model(key, group, spelling)));
        return models;
    }

    private String key(String spelling) {
        return keys.computeIfAbsent(spelling, ModelIdentity::key);
    }

    /** The key of the model a wrapper-named listing sells: all its wrapper words left out, else one at a time. */
    private Optional<String> unwrapped(String spelling, List<String> wrappers, Set<String> known) {
        String all = ModelIdentity.key(spelling, identity.wrapperWords());
        if (known.contains(all)) {
            return Optional.of(all);
        }
        return wrappers.stream().sorted()
                .map(w -> ModelIdentity.key(spelling, Set.of(w)))
                .filter(k -> known.contains(k) && !k.equals(key(spelling)))
                .findFirst();
    }

    /** Moves each dated snapshot's listings into its model's group, unless it is sold on terms of its own ({@link #sameTerms}). */
    private void joinSnapshots(Map<String, List<SourceRecord>> byKey, Map<SourceRecord, String> spelling) {
        for (String key : List.copyOf(byKey.keySet())) {
            List<SourceRecord> snapshot = byKey.get(key);
            String base = ModelIdentity.undatedKey(spelling.get(snapshot.get(0)));
            List<SourceRecord> model = base == null ? null : byKey.get(base);
            if (model != null && sameTerms(snapshot, model, spelling)) {
                model.addAll(snapshot);
                byKey.remove(key);
            }
        }
    }

    /**
     * True when the snapshot is sold on the model's terms: the creator's own listings of both agree on base prices and
     * context window; where the creator lists only one of them, the price most listings of each state agrees. (Hosts'
     * regional prices differ within one snapshot, so a per-host comparison would split models that are one.)
     */
    private boolean sameTerms(List<SourceRecord> snapshot, List<SourceRecord> model, Map<SourceRecord, String> spelling) {
        String creator = creator(model, spelling);
        Optional<SourceRecord> a = ownPriced(snapshot, creator);
        Optional<SourceRecord> b = ownPriced(model, creator);
        if (a.isPresent() && b.isPresent()) {
            boolean sameContext = a.get().contextWindow() == null || b.get().contextWindow() == null
                    || a.get().contextWindow().equals(b.get().contextWindow());
            return sameContext && !differ(a.get().prices(), b.get().prices());
        }
        List<String> x = commonPrice(snapshot);
        List<String> y = commonPrice(model);
        return x == null || y == null || x.equals(y);
    }

    private Optional<SourceRecord> ownPriced(List<SourceRecord> group, String creator) {
        return group.stream()
                .filter(r -> r.prices() != null && (provider(r).equals(creator) || creator.equals(overlay.firstParty().get(provider(r)))))
                .min(Comparator.comparingInt((SourceRecord r) -> SourcePrecedence.rank(SourcePrecedence.PRICES, r.source())).thenComparing(NEWER_FIRST));
    }

    /** The input and output price most of a group's listings state, as plain text; null when none is priced. */
    private static List<String> commonPrice(List<SourceRecord> group) {
        Map<List<String>, Integer> votes = new HashMap<>();
        for (SourceRecord r : group) {
            if (r.prices() != null) {
                votes.merge(COMPARED.subList(0, 2).stream().map(k -> r.prices().rate(k).map(t -> t.usdPerMillion().stripTrailingZeros().toPlainString())
                        .orElse("?")).toList(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.<List<String>, Integer>comparingByValue().thenComparing(e -> e.getKey().toString()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private String provider(SourceRecord r) {
        return overlay.provider(r.provider());
    }

    private Model model(String key, List<SourceRecord> group, Map<SourceRecord, String> spelling) {
        String creator = creator(group, spelling);
        Map<SourceRecord, Integer> rank = new IdentityHashMap<>();
        group.forEach(r -> rank.put(r, speaker(r, creator)));
        String id = chooseId(key, group, spelling, rank, this::key);
        List<SourceRecord> specs = new ArrayList<>(group);
        specs.sort(Comparator.comparingInt((SourceRecord r) -> rank.get(r))
                .thenComparingInt(r -> SourcePrecedence.rank(SourcePrecedence.SPECS, r.source()))
                .thenComparing(NEWER_FIRST)
                .thenComparing(r -> spelling.get(r).equals(id) ? 0 : 1));
        Set<String> spellings = new TreeSet<>();
        group.forEach(r -> spellings.add(spelling.get(r)));
        Overlay.ModelOverlay curated = curated(id, spellings);
        ModelType type = identity.type(id).orElseGet(() -> type(id, specs));
        // a listing of another kind (LiteLLM's embedding entry under a text model's name) states nothing of this model
        specs.removeIf(r -> otherKind(r, type));
        List<SourceRecord> limits = limitsOrder(specs, rank, type);

        Map<Capability, Fact<Boolean>> caps = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            Fact<Boolean> f = fact(specs, rank, r -> r.capabilities().get(c), false);
            if (f != null) {
                caps.put(c, f);
            }
        }
        if (spellings.stream().anyMatch(fineTuned::contains)) {
            caps.put(Capability.FINE_TUNING, Fact.of(true, fineTuneSource));
        }
        List<Benchmark> scores = new ArrayList<>();
        spellings.forEach(sp -> benchmarks.getOrDefault(sp, List.of()).stream().filter(b -> !scores.contains(b)).forEach(scores::add));
        specs.stream().filter(r -> r.source().equals(SourcePrecedence.OPENROUTER)).findFirst().ifPresent(r -> scores.addAll(r.benchmarks()));

        return new Model(
                id,
                displayName(id, curated, specs),
                creator,
                overlay.creatorNames().getOrDefault(creator, UNKNOWN_CREATOR.equals(creator) ? "Unknown" : creator),
                first(specs, SourceRecord::family),
                aliases(id, spellings, curated),
                type,
                curated != null && curated.description() != null
                        ? Fact.of(curated.description(), overlayKey(id, "description"))
                        : fact(orderedForDescription(specs), rank, SourceRecord::description, false),
                fact(specs, rank, SourceRecord::releaseDate, false),
                fact(specs, rank, SourceRecord::knowledgeCutoff, false),
                fact(specs, rank, SourceRecord::inputModalities, false),
                fact(specs, rank, SourceRecord::outputModalities, false),
                contextWindow(fact(contextOrder(limits), rank, SourceRecord::contextWindow, true), limits, rank),
                fact(limits, rank, SourceRecord::maxInputTokens, true),
                fact(limits, rank, SourceRecord::maxOutputTokens, true),
                caps,
                specs.stream().filter(r -> !r.endpoints().isEmpty()).findFirst().map(SourceRecord::endpoints).orElse(List.of()),
                status(id, curated, specs, rank),
                scores,
                curated == null ? List.of() : curated.strengths(),
                curated == null ? List.of() : curated.bestFor(),
                offerings(id, creator, type, group),
                overlay.tokenizer(id).orElse(null));
    }

    /**
     * The order limits are read in: the creator's listing whose price is the model's price first, so that a price and
     * the context it buys come from one listing (deepseek-chat's 131,072-token input at LiteLLM's price, not another
     * generation's 1M window from a listing whose price is not shown); then the usual order.
     */
    private static List<SourceRecord> limitsOrder(List<SourceRecord> specs, Map<SourceRecord, Integer> rank, ModelType type) {
        Optional<SourceRecord> priced = specs.stream()
                .filter(r -> rank.get(r) == CREATOR && r.prices() != null && !r.variablePrice() && !otherKind(r, type))
                .min(Comparator.comparingInt((SourceRecord r) -> SourcePrecedence.rank(SourcePrecedence.PRICES, r.source())).thenComparing(NEWER_FIRST));
        if (priced.isEmpty()) {
            return specs;
        }
        List<SourceRecord> out = new ArrayList<>(specs);
        out.remove(priced.get());
        out.add(0, priced.get());
        return out;
    }

    /**
     * genai-prices' {@code context_window} is a fallback: it is often rounded (1,000,000 for GPT-4.1's 1,047,576, which
     * the other three sources state exactly), so it speaks only where no other source states a window, and never
     * disputes one.
     */
    private static List<SourceRecord> contextOrder(List<SourceRecord> limits) {
        boolean statedElsewhere = limits.stream().anyMatch(r -> r.contextWindow() != null && !r.source().equals(SourcePrecedence.GENAI_PRICES));
        return statedElsewhere ? limits.stream().filter(r -> !r.source().equals(SourcePrecedence.GENAI_PRICES)).toList() : limits;
    }

    /**
     * A context window larger than the priced listing's own max input plus max output describes another generation of
     * the model than the price does (models.dev's 1M-token deepseek-chat beside LiteLLM's 131,072-token one at the
     * shown price): the priced listing's max input is shown, the larger window kept as a disagreement.
     */
    private static Fact<Long> contextWindow(Fact<Long> context, List<SourceRecord> limits, Map<SourceRecord, Integer> rank) {
        if (context == null || limits.isEmpty() || rank.get(limits.get(0)) != CREATOR || limits.get(0).prices() == null) {
            return context;
        }
        SourceRecord priced = limits.get(0);
        Long capped = cappedContext(context.value(), priced);
        if (capped.equals(context.value())) {
            return context;
        }
        List<Fact.Alternative<Long>> others = new ArrayList<>();
        others.add(new Fact.Alternative<>(context.value(), context.source()));
        context.disagreements().stream().filter(x -> !x.value().equals(capped)).forEach(others::add);
        return new Fact<>(capped, priced.provenance(), others);
    }

    /**
     * How well a listing speaks for the model: the creator's own API; a router's listing of the creator's model under
     * the creator's name (OpenRouter's {@code openai/gpt-4.1}), which states model facts such as the knowledge cutoff;
     * else a reseller, whose entry describes its deployment (Azure, Bedrock, a host's quantised copy), not the model.
     */
    private int speaker(SourceRecord r, String creator) {
        String provider = provider(r);
        if (provider.equals(creator) || creator.equals(overlay.firstParty().get(provider)) || r.source().equals(SourcePrecedence.OVERLAY)) {
            return CREATOR;
        }
        boolean router = r.source().equals(SourcePrecedence.OPENROUTER) || provider.equals(SourcePrecedence.OPENROUTER);
        if (router && r.creatorHint() != null && overlay.creator(r.creatorHint()).equals(creator)) {
            return ROUTER_UNDER_CREATOR;
        }
        return RESELLER;
    }

    /**
     * The creator (the lab, never a host): the lab most sources name ({@code meta-llama/...}); else the lab the
     * model's name belongs to by the reviewed prefixes; else a first-party API selling it; else a provider that is not
     * a host; else unknown.
     */
    private String creator(List<SourceRecord> group, Map<SourceRecord, String> spelling) {
        Map<String, Integer> hints = new TreeMap<>();
        for (SourceRecord r : group) {
            if (r.creatorHint() != null && !identity.isHost(r.creatorHint().toLowerCase(Locale.ROOT))) {
                String c = overlay.creator(r.creatorHint());
                if (!identity.isHost(c)) {
                    hints.merge(c, 1, Integer::sum);
                }
            }
        }
        if (!hints.isEmpty()) {
            return hints.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
        for (SourceRecord r : group) {
            Optional<String> byName = identity.creatorByName(spelling.get(r));
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        for (SourceRecord r : group) {
            String firstParty = overlay.firstParty().get(provider(r));
            if (firstParty != null) {
                return firstParty;
            }
        }
        return group.stream().map(this::provider).filter(p -> !identity.isHost(p) && !p.equals(SourcePrecedence.OVERLAY))
                .findFirst().orElse(UNKNOWN_CREATOR);
    }

    /**
     * The catalog id: the spelling of the best speaker among listings named exactly as the model (not a wrapper's
     * name nor a snapshot's), LiteLLM's spelling first because its keys are the ids APIs take; then the most common.
     * genai-prices' spellings come after every other source's.
     */
    private static String chooseId(String key, List<SourceRecord> group, Map<SourceRecord, String> spelling, Map<SourceRecord, Integer> rank,
                                   Function<String, String> keyOf) {
        Map<String, Integer> count = new HashMap<>();
        group.forEach(r -> count.merge(spelling.get(r), r.source().equals(SourcePrecedence.GENAI_PRICES) ? 0 : 1, Integer::sum));
        List<String> idOrder = List.of(SourcePrecedence.LITELLM, SourcePrecedence.MODELS_DEV, SourcePrecedence.OPENROUTER, SourcePrecedence.OVERLAY);
        // genai-prices' entry ids are its own names for a price row (claude-3-5-sonnet matches every dated Sonnet 3.5),
        // not ids an API takes: they name a model only when no other source lists it
        Comparator<SourceRecord> best = Comparator.comparingInt((SourceRecord r) -> r.source().equals(SourcePrecedence.GENAI_PRICES) ? 1 : 0)
                .thenComparingInt(r -> rank.get(r))
                .thenComparingInt(r -> SourcePrecedence.rank(idOrder, r.source()))
                .thenComparing(r -> -count.get(spelling.get(r)))
                .thenComparingInt(r -> spelling.get(r).length())
                .thenComparing(spelling::get);
        return group.stream().filter(r -> keyOf.apply(spelling.get(r)).equals(key)).min(best)
                .or(() -> group.stream().min(best)).map(spelling::get).orElseThrow();
    }

    private Overlay.ModelOverlay curated(String id, Set<String> spellings) {
        Overlay.ModelOverlay own = overlay.models().get(id);
        return own != null ? own : spellings.stream().map(overlay.models()::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The value of the best speaker that has one. When only resellers speak, the value most of them state (the
     * better-ranked source on a tie), so that one host's odd entry does not speak for the model. Other values are
     * kept as disagreements, except a host's own limits ({@code perHost}): those differ legitimately by deployment and
     * belong to the offering, so they dispute nothing.
     */
    private static <T> Fact<T> fact(List<SourceRecord> ordered, Map<SourceRecord, Integer> rank, Function<SourceRecord, T> field, boolean perHost) {
        T chosen = null;
        Provenance source = null;
        List<Fact.Alternative<T>> others = new ArrayList<>();
        Set<String> sourcesSeen = new HashSet<>();
        SourceRecord lead = null;
        boolean differ = false;
        for (SourceRecord r : ordered) {
            T v = field.apply(r);
            if (v != null) {
                if (lead == null) {
                    lead = r;
                } else if (!v.equals(field.apply(lead))) {
                    differ = true;
                    break;
                }
            }
        }
        if (lead == null) {
            return null;
        }
        if (differ && rank.get(lead) == RESELLER) {
            Map<T, Integer> votes = new HashMap<>();
            ordered.forEach(r -> Optional.ofNullable(field.apply(r)).ifPresent(v -> votes.merge(v, 1, Integer::sum)));
            int most = votes.values().stream().max(Integer::compare).orElse(0);
            SourceRecord majority = ordered.stream().filter(r -> field.apply(r) != null && votes.get(field.apply(r)) == most).findFirst().orElseThrow();
            List<SourceRecord> reordered = new ArrayList<>(ordered);
            reordered.remove(majority);
            reordered.add(0, majority);
            ordered = reordered;
        }
        if (!differ) {
            return Fact.of(field.apply(lead), lead.provenance());
        }
        for (SourceRecord r : ordered) {
            T v = field.apply(r);
            if (v == null) {
                continue;
            }
            if (chosen == null) {
                chosen = v;
                source = r.provenance();
                sourcesSeen.add(r.source());
            } else if ((!perHost || rank.get(r) < RESELLER) && sourcesSeen.add(r.source()) && !v.equals(chosen)) {
                others.add(new Fact.Alternative<>(v, r.provenance()));
            }
        }
        return chosen == null ? null : new Fact<>(chosen, source, others);
    }

    private static <T> T first(List<SourceRecord> ordered, Function<SourceRecord, T> field) {
        return ordered.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<SourceRecord> orderedForDescription(List<SourceRecord> specs) {
        return specs.stream().filter(r -> r.description() != null).limit(1).toList();
    }

    private static String displayName(String id, Overlay.ModelOverlay curated, List<SourceRecord> specs) {
        if (curated != null && curated.displayName() != null) {
            return curated.displayName();
        }
        String name = first(specs, SourceRecord::name);
        return name == null || name.isBlank() ? id : name;
    }

    private static List<String> aliases(String id, Set<String> spellings, Overlay.ModelOverlay curated) {
        Set<String> out = new LinkedHashSet<>();
        if (curated != null) {
            out.addAll(curated.aliases());
        }
        for (String s : spellings) {
            if (!s.equalsIgnoreCase(id)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * What the name states beyond doubt ({@code bge-}, {@code -embed}, {@code flux}, {@code tts}); else the type most
     * listings give, LiteLLM's {@code mode} winning a tie because it is the one explicit statement (the others read a
     * type from output modalities). One mislabelled entry (LiteLLM's gemini/gemini-1.5-flash as "embedding") does
     * not decide against every other listing of the model.
     */
    private static ModelType type(String id, List<SourceRecord> specs) {
        ModelType byName = ModelType.fromName(id);
        if (byName != null) {
            return byName;
        }
        Map<ModelType, Integer> votes = new EnumMap<>(ModelType.class);
        ModelType litellm = null;
        for (SourceRecord r : specs) {
            if (r.type() != null && r.type() != ModelType.OTHER) {
                votes.merge(r.type(), 1, Integer::sum);
                if (litellm == null && r.source().equals(SourcePrecedence.LITELLM)) {
                    litellm = r.type();
                }
            }
        }
        ModelType tieBreak = litellm;
        return votes.entrySet().stream()
                .max(Map.Entry.<ModelType, Integer>comparingByValue().thenComparing(e -> e.getKey() == tieBreak ? 1 : 0))
                .map(Map.Entry::getKey).orElse(ModelType.OTHER);
    }

    /**
     * The curated status, else a deprecation the creator or a router under the creator's name states (LiteLLM's
     * {@code deprecation_date}, OpenRouter's {@code expiration_date}, models.dev's {@code status}); a host retiring its
     * own copy (Bedrock dropping an old Claude) says nothing of the model, unless only hosts list it.
     */
    private Fact<Status> status(String id, Overlay.ModelOverlay curated, List<SourceRecord> specs, Map<SourceRecord, Integer> rank) {
        if (curated != null && curated.status() != null) {
            return Fact.of(new Status(curated.status(), curated.successor(), null), overlayKey(id, "status"));
        }
        int best = specs.stream().mapToInt(rank::get).min().orElse(RESELLER);
        int speaks = best < RESELLER ? ROUTER_UNDER_CREATOR : RESELLER;
        for (SourceRecord r : specs) {
            if (rank.get(r) <= speaks && r.deprecationDate() != null) {
                return Fact.of(new Status(Lifecycle.DEPRECATED, null, r.deprecationDate()), r.provenance());
            }
        }
        for (SourceRecord r : specs) {
            if (rank.get(r) <= speaks && r.deprecated()) {
                return Fact.of(new Status(Lifecycle.DEPRECATED, null, null), r.provenance());
            }
        }
        return Fact.of(Status.current(), new Provenance("derived", "no source gives a deprecation date or successor", newestSource));
    }

    private Provenance overlayKey(String id, String field) {
        return new Provenance(SourcePrecedence.OVERLAY, "models." + id + "." + field, overlay.asOf(id));
    }

    private List<Offering> offerings(String id, String creator, ModelType type, List<SourceRecord> group) {
        Map<String, List<SourceRecord>> byOffering = new LinkedHashMap<>();
        for (SourceRecord r : group) {
            byOffering.computeIfAbsent(provider(r) + "|" + r.apiModelId().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
        List<Offering> out = new ArrayList<>();
        for (List<SourceRecord> same : byOffering.values()) {
            same.sort(Comparator.comparingInt(this::offeringPriceRank).thenComparing(NEWER_FIRST));
            SourceRecord lead = same.get(0);
            String provider = provider(lead);
            // a listing of another kind (an embedding entry under a chat model's name) prices that kind, not this model
            List<SourceRecord> sameKind = same.stream().filter(r -> !otherKind(r, type)).toList();
            Fact<PriceSheet> prices = prices(sameKind);
            String note = sameKind.size() < same.size() && prices == null
                    ? "listed as " + same.get(0).type().jsonName() + " by " + same.get(0).source() + " " + same.get(0).provenance().key()
                            + "; its prices are not this " + type.jsonName() + " model's"
                    : null;
            if (prices != null && isZero(prices.value()) && !provider.equals(creator) && !labelledFree(lead.apiModelId())) {
                note = "$0 from " + prices.source().source() + " " + prices.source().key()
                        + " is a placeholder, not a price: only the creator's own listing or a labelled free tier is free";
                prices = null;
            }
            // the offering's limits from the listing whose price it shows first, as the model's are
            List<SourceRecord> limits = sortedForSpecs(same);
            if (prices != null) {
                SourceRecord priced = sameKind.stream().filter(r -> r.prices() != null).findFirst().orElse(lead);
                limits.remove(priced);
                limits.add(0, priced);
            }
            Long maxOutput = first(limits, SourceRecord::maxOutputTokens);
            // the provider's dated price changes, whichever source's price leads: they date the offering's price history
            List<DatedPrice> dated = sameKind.stream().map(SourceRecord::datedPrices).filter(d -> !d.isEmpty()).findFirst().orElse(List.of());
            out.add(new Offering(provider, lead.apiModelId(), prices, cappedContext(first(contextOrder(limits), SourceRecord::contextWindow), limits.get(0)),
                    maxOutput, note, dated));
        }
        out.sort(Comparator.comparing((Offering o) -> !o.provider().equals(creator))
                .thenComparing(o -> !o.apiModelId().equalsIgnoreCase(id))
                .thenComparing(Offering::provider)
                .thenComparing(Offering::apiModelId));
        return out;
    }

    /**
     * {@link SourcePrecedence#PRICES}, except that genai-prices' copy of OpenRouter's price list comes after OpenRouter's
     * own API for an OpenRouter offering: there genai-prices carries the router's figures second-hand.
     */
    private int offeringPriceRank(SourceRecord r) {
        if (r.source().equals(SourcePrecedence.GENAI_PRICES) && provider(r).equals(SourcePrecedence.OPENROUTER)) {
            return SourcePrecedence.PRICES.size();
        }
        return SourcePrecedence.rank(SourcePrecedence.PRICES, r.source());
    }

    private static boolean otherKind(SourceRecord r, ModelType type) {
        return r.source().equals(SourcePrecedence.LITELLM) && r.type() != null && r.type() != ModelType.OTHER && r.type() != ModelType.CHAT
                && r.type() != type && r.prices() != null;
    }

    /** Every token and image price 0: what gateways and resellers write when they do not know the price. */
    private static boolean isZero(PriceSheet sheet) {
        return sheet.rates().values().stream().allMatch(r -> r.usdPerMillion().signum() == 0)
                && sheet.images().stream().allMatch(p -> p.usdPerImage().signum() == 0);
    }

    /** A listing its seller names free ({@code :free}, {@code -free}): a free tier, whose $0 is its real price. */
    private static boolean labelledFree(String apiModelId) {
        return ModelIdentity.hasWord(apiModelId, Set.of("free"));
    }

    /**
     * A context window past the priced listing's max input plus max output is another generation's (see
     * {@link #contextWindow}): the priced listing's max input stands instead.
     */
    private static Long cappedContext(Long context, SourceRecord priced) {
        Long maxInput = priced.maxInputTokens();
        if (context == null || priced.contextWindow() != null || maxInput == null) {
            return context;
        }
        long allowed = maxInput + (priced.maxOutputTokens() == null ? 0 : priced.maxOutputTokens());
        return context > allowed ? maxInput : context;
    }

    private static List<SourceRecord> sortedForSpecs(List<SourceRecord> same) {
        List<SourceRecord> s = new ArrayList<>(same);
        s.sort(Comparator.comparingInt((SourceRecord r) -> SourcePrecedence.rank(SourcePrecedence.SPECS, r.source())).thenComparing(NEWER_FIRST));
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
