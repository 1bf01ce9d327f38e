package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.DataQuality;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelIdentity;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.testing.Golden;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 13's cases, each from the real bundled catalog: which model a listing is, and who speaks for it. */
class IdentityTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private static BigDecimal rate(Model m, PriceKind kind) {
        return m.prices().flatMap(s -> s.rate(kind)).map(r -> r.usdPerMillion()).orElse(null);
    }

    private static BigDecimal rate(Offering o, PriceKind kind) {
        return o.prices().value().rate(kind).map(r -> r.usdPerMillion()).orElse(BigDecimal.ZERO);
    }

    @Test
    void spellings_are_one_identity() {
        assertThat(ModelIdentity.key("claude-3-5-haiku")).isEqualTo(ModelIdentity.key("claude-3.5-haiku")).isEqualTo(ModelIdentity.key("Claude Haiku 3.5"));
        assertThat(ModelIdentity.key("claude-opus4-5")).isEqualTo(ModelIdentity.key("claude-4.5-opus"));
        assertThat(ModelIdentity.key("glm-5p2")).isEqualTo(ModelIdentity.key("glm-5.2"));
        assertThat(ModelIdentity.key("gpt-4o-2024-05-13")).isEqualTo(ModelIdentity.key("gpt-4o-20240513"));
        // versions in order, and a short letter glued to a version is part of it
        assertThat(ModelIdentity.key("gpt-5.4")).isNotEqualTo(ModelIdentity.key("gpt-4.5"));
        assertThat(ModelIdentity.key("o4-mini")).isNotEqualTo(ModelIdentity.key("4o-mini"));
        assertThat(ModelIdentity.undatedKey("claude-3-5-sonnet-20241022")).isEqualTo(ModelIdentity.key("claude-3.5-sonnet"));
        assertThat(ModelIdentity.undatedKey("gpt-4o")).isNull();
    }

    @Test
    void a_dated_snapshot_priced_differently_is_priced_as_itself() {
        Model snapshot = catalog.require("gpt-4o-2024-05-13");
        assertThat(snapshot.id()).isEqualTo("gpt-4o-2024-05-13");
        assertThat(rate(snapshot, PriceKind.INPUT)).isEqualByComparingTo("5");
        assertThat(rate(snapshot, PriceKind.OUTPUT)).isEqualByComparingTo("15");
        Model gpt4o = catalog.require("gpt-4o");
        assertThat(rate(gpt4o, PriceKind.INPUT)).isEqualByComparingTo("2.5");
        assertThat(catalog.versions(gpt4o)).contains(snapshot);
        assertThat(catalog.versionOf(snapshot)).contains(gpt4o);
        // a snapshot sold on its model's terms stays one model
        assertThat(catalog.require("gpt-4.1-2025-04-14").id()).isEqualTo("gpt-4.1");
    }

    @Test
    void the_same_model_under_several_spellings_is_one_model() {
        assertThat(catalog.require("claude-3-5-haiku")).isSameAs(catalog.require("claude-3.5-haiku"));
        assertThat(catalog.require("gemini-2-5-flash")).isSameAs(catalog.require("gemini-2.5-flash"));
        assertThat(catalog.require("gpt-5-4-mini")).isSameAs(catalog.require("gpt-5.4-mini"));
        Model haiku = catalog.require("claude-haiku-4-5");
        for (String wrapper : List.of("databricks-claude-haiku-4-5", "duo-chat-haiku-4-5", "anthropic-claude-4.5-haiku", "claude-haiku-4.5", "Claude Haiku 4.5")) {
            assertThat(catalog.require(wrapper)).as(wrapper).isSameAs(haiku);
        }
        assertThat(haiku.creatorId()).isEqualTo("anthropic");
    }

    @Test
    void creators_are_labs_never_hosts() {
        Set<String> creators = catalog.models().stream().map(Model::creatorId).collect(Collectors.toSet());
        assertThat(creators).doesNotContain("azure", "gitlab", "databricks-host", "oci", "nscale", "lambda_ai", "helicone", "deepinfra", "fireworks-ai",
                "nano-gpt", "amazon-bedrock", "google-vertex", "venice");
        assertThat(catalog.require("llama-3.1-405b-instruct").creatorId()).isEqualTo("meta");
        assertThat(catalog.require("llama-3.3-70b").creatorId()).isEqualTo("meta");
    }

    @Test
    void a_resellers_zero_is_a_placeholder_never_the_price() {
        Model llama = catalog.require("llama-3.3-70b");
        assertThat(rate(llama, PriceKind.INPUT)).isPositive();
        for (Model m : catalog.models()) {
            m.primaryOffering().filter(o -> o.prices().value().rates().values().stream().allMatch(r -> r.usdPerMillion().signum() == 0)
                            && o.prices().value().images().stream().allMatch(p -> p.usdPerImage().signum() == 0))
                    .ifPresent(o -> assertThat(o.provider().equals(m.creatorId()) || ModelIdentity.hasWord(o.apiModelId(), Set.of("free"))
                                    && m.offerings().stream().filter(Offering::priceKnown).allMatch(x -> rate(x, PriceKind.INPUT).signum() == 0))
                            .as("%s is $0 from %s, neither the creator's own listing nor a free tier of a model nobody sells for money", m.id(), o.qualifiedId()).isTrue());
        }
        Offering vercel = llama.offerings().stream().filter(o -> o.qualifiedId().equals("vercel/meta/llama-3.3-70b")).findFirst().orElseThrow();
        assertThat(vercel.prices()).isNull();
        assertThat(vercel.priceNote()).contains("placeholder");
        // a router's "-1" is unknown, not $0
        assertThat(catalog.find("openrouter/auto").flatMap(Model::prices)).isEmpty();
    }

    @Test
    void prices_a_hundred_times_off_are_flagged_and_never_the_headline() {
        DataQuality q = DataQuality.of(catalog);
        assertThat(q.priceFlags()).anySatisfy(f -> assertThat(f.offering()).startsWith("wandb/"));
        for (Model m : catalog.models()) {
            m.primaryOffering().ifPresent(p -> assertThat(m.priceOutliers()).as(m.id()).doesNotContain(p));
        }
    }

    @Test
    void resellers_never_override_model_facts() {
        Model sonnet = catalog.require("claude-3.7-sonnet");
        assertThat(sonnet.supports(Capability.REASONING)).contains(true);
        assertThat(sonnet.supports(Capability.STRUCTURED_OUTPUT)).contains(true);
        Model llama = catalog.require("llama-3.3-70b");
        assertThat(llama.releaseDate().value()).isEqualTo(PartialDate.parse("2024-12-06"));
        // a host's own max output is its offering's, not a disputed model fact
        assertThat(llama.maxOutputTokens().disagreements()).allSatisfy(a -> assertThat(a.source().key()).doesNotStartWith("venice"));
    }

    @Test
    void a_price_and_the_context_it_buys_come_from_one_listing() {
        Model deepseek = catalog.require("deepseek-chat");
        assertThat(deepseek.contextWindow().value()).isEqualTo(131_072L);
        assertThat(deepseek.contextWindow().disagreements()).anySatisfy(a -> assertThat(a.value()).isEqualTo(1_000_000L));
        assertThat(deepseek.prices().orElseThrow()).isEqualTo(deepseek.primaryOffering().orElseThrow().prices().value());
        // a window that is max input plus max output is no other generation: GPT-5 Mini keeps 400,000 and 272,000
        Model mini = catalog.require("gpt-5-mini");
        assertThat(mini.contextWindow().value()).isEqualTo(400_000L);
        assertThat(mini.maxInputTokens().value()).isEqualTo(272_000L);
    }

    @Test
    void deprecations_the_sources_state_are_shown() {
        for (String id : List.of("claude-3-5-sonnet", "claude-3-haiku", "claude-3.7-sonnet", "gemini-3.1-flash-lite-preview")) {
            assertThat(catalog.require(id).status().value().lifecycle()).as(id).isEqualTo(Lifecycle.DEPRECATED);
        }
        assertThat(catalog.require("gpt-4.1-mini").status().value().lifecycle()).isNotEqualTo(Lifecycle.DEPRECATED);
    }

    @Test
    void types_are_kept_apart() {
        assertThat(catalog.require("bge-small-en-v1.5").type()).isEqualTo(ModelType.EMBEDDING);
        assertThat(catalog.require("titan-embed-text-v2").type()).isEqualTo(ModelType.EMBEDDING);
        assertThat(catalog.require("flux-1-dev-controlnet-union").type()).isEqualTo(ModelType.IMAGE_GENERATION);
        assertThat(catalog.require("distilbert-sst-2-int8").type()).isNotEqualTo(ModelType.CHAT);
        Model flash = catalog.require("gemini-1.5-flash");
        assertThat(flash.type()).isEqualTo(ModelType.CHAT);
        PriceSheet sheet = flash.prices().orElseThrow();
        assertThat(sheet.rate(PriceKind.OUTPUT).map(r -> r.usdPerMillion().signum())).as("not free on output").contains(1);
    }

    @Test
    void the_directory_opens_on_the_models_people_come_for() {
        List<Model> first = ModelQuery.all().apply(catalog).subList(0, 50);
        assertThat(first).allSatisfy(m -> {
            assertThat(m.creatorId()).isNotEqualTo("unknown");
            assertThat(m.primaryOffering()).isPresent();
            assertThat(m.primaryOffering().get().provider()).isEqualTo(m.creatorId());
            assertThat(m.status().value().lifecycle()).isEqualTo(Lifecycle.CURRENT);
        });
        ModelQuery sonnet = new ModelQuery("sonnet 4.5", null, null, null, null, null, null, null, null, null, ModelQuery.Order.RELEVANCE);
        assertThat(sonnet.apply(catalog).get(0).creatorId()).isEqualTo("anthropic");
    }

    /**
     * Every model made of listings spelled more than one way, and every display name still shared by two models: the
     * merges and the collisions left, reviewed like code.
     */
    @Test
    void identity_report() {
        StringBuilder out = new StringBuilder("# Identity report of the bundled catalog\n\n");
        out.append("models: ").append(catalog.models().size()).append(", offerings: ").append(catalog.offeringCount()).append("\n\n");
        out.append("## Merges: model id <- other spellings of its listings\n");
        for (Model m : catalog.models()) {
            if (!m.aliases().isEmpty()) {
                out.append(m.id()).append(" <- ").append(String.join(", ", m.aliases())).append('\n');
            }
        }
        out.append("\n## Versions: dated snapshots priced or limited as themselves\n");
        for (Model m : catalog.models()) {
            List<Model> versions = catalog.versions(m);
            if (!versions.isEmpty()) {
                out.append(m.id()).append(": ").append(versions.stream().map(Model::id).collect(Collectors.joining(", "))).append('\n');
            }
        }
        Map<String, List<String>> byName = new TreeMap<>();
        catalog.models().forEach(m -> byName.computeIfAbsent(m.displayName().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>()).add(m.id()));
        out.append("\n## Collisions left: one display name, several models (versions, or spellings no rule can place)\n");
        byName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                out.append(name).append(": ").append(String.join(", ", ids)).append('\n');
            }
        });
        out.append("\n## Creators\n");
        new TreeMap<>(catalog.models().stream().collect(Collectors.groupingBy(Model::creatorId, Collectors.counting())))
                .forEach((c, n) -> out.append(c).append(' ').append(n).append('\n'));
        Golden.assertMatches("catalog/identity-report.txt", out.toString());
    }
}
