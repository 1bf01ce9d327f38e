package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.Status;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small models with the figures of the real catalog, for engine tests that must not depend on data refreshes. */
final class Fixtures {
    static final Provenance LITELLM = new Provenance("litellm", "fixture", LocalDate.of(2026, 7, 18));
    static final Provenance MODELSDEV = new Provenance("models.dev", "fixture", LocalDate.of(2026, 7, 2));
    static final Provenance OPENROUTER = new Provenance("openrouter", "fixture", LocalDate.of(2026, 8, 1));
    static final Provenance AA = new Provenance("Artificial Analysis API", "fixture", LocalDate.of(2026, 7, 5));
    static final Provenance SIMPLE_EVALS = new Provenance("openai/simple-evals", "README.md", LocalDate.of(2025, 7, 9));

    private Fixtures() {}

    static Model gpt41() {
        return text("gpt-4.1", "GPT-4.1", "2", "8", "0.5", 1_047_576L, 32_768L, "2025-04-14", "2024-04",
                new Status(Lifecycle.SUPERSEDED, "gpt-5.1", null),
                List.of(quality("simple-evals MMLU", "90.2"), speed(BenchmarkKind.OUTPUT_SPEED, "130.599"), speed(BenchmarkKind.TIME_TO_FIRST_TOKEN, "0.595")));
    }

    static Model gpt41Mini() {
        return text("gpt-4.1-mini", "GPT-4.1 Mini", "0.4", "1.6", "0.1", 1_047_576L, 32_768L, "2025-04-14", "2024-04",
                new Status(Lifecycle.SUPERSEDED, "gpt-5-mini", null),
                List.of(quality("simple-evals MMLU", "87.5"), speed(BenchmarkKind.OUTPUT_SPEED, "87.093"), speed(BenchmarkKind.TIME_TO_FIRST_TOKEN, "0.63")));
    }

    static Model gpt4oMini() {
        return text("gpt-4o-mini", "GPT-4o Mini", "0.15", "0.6", "0.075", 128_000L, 16_384L, "2024-07-18", "2023-09",
                Status.current(),
                List.of(quality("simple-evals MMLU", "82.0"), speed(BenchmarkKind.OUTPUT_SPEED, "74.178"), speed(BenchmarkKind.TIME_TO_FIRST_TOKEN, "0.602")));
    }

    static Model gpt51() {
        return text("gpt-5.1", "GPT-5.1", "1.25", "10", "0.125", 400_000L, 128_000L, "2025-11-13", "2024-09-30", Status.current(), List.of());
    }

    static Model gptImage1Mini() {
        PriceSheet sheet = PriceSheet.builder()
                .rate(PriceKind.INPUT, "2").rate(PriceKind.CACHED_INPUT, "0.2").rate(PriceKind.INPUT_IMAGE, "2.5").rate(PriceKind.OUTPUT_IMAGE, "8")
                .image(new ImagePrice("low", "1024x1024", new BigDecimal("0.005")))
                .image(new ImagePrice("low", "1024x1536", new BigDecimal("0.006")))
                .image(new ImagePrice("medium", "1024x1024", new BigDecimal("0.011")))
                .build();
        return new Model("gpt-image-1-mini", "GPT Image 1 Mini", "openai", "OpenAI", "gpt-image", List.of(), ModelType.IMAGE_GENERATION,
                null, Fact.of(PartialDate.parse("2025-09-26"), MODELSDEV), null,
                Fact.of(Set.of(Modality.TEXT, Modality.IMAGE), MODELSDEV), Fact.of(Set.of(Modality.IMAGE), LITELLM),
                null, null, null, Map.of(Capability.FUNCTION_CALLING, Fact.of(false, MODELSDEV)), List.of("/v1/images/generations"),
                Fact.of(Status.current(), LITELLM), List.of(), List.of(), List.of(),
                List.of(new Offering("openai", "gpt-image-1-mini", Fact.of(sheet, LITELLM), null, null)), "o200k_base");
    }

    static Model text(String id, String name, String in, String out, String cached, Long context, Long maxOutput,
                      String released, String cutoff, Status status, List<Benchmark> benchmarks) {
        PriceSheet batch = PriceSheet.builder()
                .rate(PriceKind.INPUT, new BigDecimal(in).divide(BigDecimal.valueOf(2)).toPlainString())
                .rate(PriceKind.OUTPUT, new BigDecimal(out).divide(BigDecimal.valueOf(2)).toPlainString()).build();
        PriceSheet sheet = PriceSheet.builder().rate(PriceKind.INPUT, in).rate(PriceKind.OUTPUT, out).rate(PriceKind.CACHED_INPUT, cached)
                .serviceTier(ServiceTier.BATCH, batch).build();
        return new Model(id, name, "openai", "OpenAI", id.startsWith("gpt-4.1") ? "gpt-4.1" : "gpt", List.of(), ModelType.CHAT,
                null, Fact.of(PartialDate.parse(released), MODELSDEV), Fact.of(PartialDate.parse(cutoff), MODELSDEV),
                Fact.of(Set.of(Modality.TEXT, Modality.IMAGE, Modality.PDF), MODELSDEV), Fact.of(Set.of(Modality.TEXT), MODELSDEV),
                Fact.of(context, MODELSDEV), null, Fact.of(maxOutput, MODELSDEV),
                Map.of(Capability.FUNCTION_CALLING, Fact.of(true, LITELLM), Capability.VISION, Fact.of(true, LITELLM)),
                List.of("/v1/chat/completions"), Fact.of(status, status.lifecycle() == Lifecycle.SUPERSEDED
                        ? new Provenance("overlay", "models." + id + ".status", LocalDate.of(2026, 11, 1)) : LITELLM),
                benchmarks, List.of(), List.of(),
                List.of(new Offering("openai", id, Fact.of(sheet, LITELLM), context, maxOutput)), "o200k_base");
    }

    static Benchmark quality(String name, String score) {
        return new Benchmark(name, null, new BigDecimal(score), BenchmarkKind.QUALITY, SIMPLE_EVALS);
    }

    static Benchmark speed(BenchmarkKind kind, String value) {
        return new Benchmark(kind == BenchmarkKind.OUTPUT_SPEED ? "Artificial Analysis median output speed" : "Artificial Analysis time to first token",
                null, new BigDecimal(value), kind, AA);
    }
}
