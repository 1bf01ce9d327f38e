package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ValueBounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenRouter's {@code GET /api/v1/models} response: prices are decimal strings per token; {@code "0"} is free,
 * a negative price ({@code "-1"} on router meta-models) means variable, so unknown. Its Artificial Analysis indices
 * become benchmarks dated with the listing.
 */
final class OpenRouterSource {
    private static final Map<String, PriceKind> PRICES = Map.of(
            "prompt", PriceKind.INPUT,
            "completion", PriceKind.OUTPUT,
            "input_cache_read", PriceKind.CACHED_INPUT,
            "input_cache_write", PriceKind.CACHE_WRITE,
            "internal_reasoning", PriceKind.REASONING);
    private static final Map<String, String> AA_INDICES = Map.of(
            "intelligence_index", "Artificial Analysis Intelligence Index",
            "coding_index", "Artificial Analysis Coding Index",
            "agentic_index", "Artificial Analysis Agentic Index");

    record Result(List<SourceRecord> records, int entries, List<String> warnings, List<SourceFormatException> skipped) {}

    private OpenRouterSource() {}

    static Result read(JsonNode root, String file, LocalDate asOf) {
        return read(root, file, asOf, false);
    }

    static Result read(JsonNode root, String file, LocalDate asOf, boolean skipInvalid) {
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new SourceFormatException(file, "$.data", "expected an array of models");
        }
        JsonFields f = new JsonFields(file, skipInvalid);
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode n = data.get(i);
            String path = "$.data[" + i + "]";
            try {
                if (!n.isObject()) {
                    throw new SourceFormatException(file, path, "expected an object, got " + JsonFields.describe(n));
                }
                String id = f.text(n, "id", path);
                if (id == null) {
                    throw new SourceFormatException(file, path + ".id", "every model needs an id");
                }
                out.add(record(f, n, f.id(id, path + ".id"), path, asOf));
            } catch (SourceFormatException bad) {
                f.skipOrThrow(bad);
            }
        }
        return new Result(out, data.size(), f.warnings(), f.skipped());
    }

    private static SourceRecord record(JsonFields f, JsonNode n, String id, String path, LocalDate asOf) {
        Provenance prov = new Provenance(SourcePrecedence.OPENROUTER, id, asOf);
        JsonNode arch = n.path("architecture");
        Set<Modality> in = JsonFields.modalities(arch.get("input_modalities"));
        Set<Modality> out = JsonFields.modalities(arch.get("output_modalities"));
        Map<Capability, Boolean> caps = new EnumMap<>(Capability.class);
        JsonNode params = n.get("supported_parameters");
        if (params != null && params.isArray()) {
            List<String> p = new ArrayList<>();
            params.forEach(x -> p.add(x.asText()));
            caps.put(Capability.FUNCTION_CALLING, p.contains("tools"));
            caps.put(Capability.STRUCTURED_OUTPUT, p.contains("structured_outputs"));
            caps.put(Capability.REASONING, p.contains("reasoning") || p.contains("include_reasoning"));
        }
        if (in != null) {
            caps.put(Capability.VISION, in.contains(Modality.IMAGE));
        }
        String name = f.text(n, "name", path);
        if (name != null && name.contains(": ")) {
            name = name.substring(name.indexOf(": ") + 2);
        }
        Long maxOutput = f.tokens(n.path("top_provider"), "max_completion_tokens", path + ".top_provider", true);
        ModelType type = out != null && out.contains(Modality.IMAGE) && !out.contains(Modality.TEXT) ? ModelType.IMAGE_GENERATION : ModelType.CHAT;
        return new SourceRecord(prov, SourcePrecedence.OPENROUTER, id, id.contains("/") ? id.substring(0, id.indexOf('/')) : null, name, null,
                type, prices(f, n.get("pricing"), path + ".pricing"), f.tokens(n, "context_length", path, true), null, maxOutput,
                f.partialDate(n, "knowledge_cutoff", path), null, in, out, caps, List.of(), f.date(n, "expiration_date", path), false,
                f.text(n, "description", path), benchmarks(f, n.path("benchmarks").path("artificial_analysis"), path, prov),
                variable(n.get("pricing")));
    }

    private static PriceSheet prices(JsonFields f, JsonNode pricing, String path) {
        if (pricing == null || !pricing.isObject()) {
            return null;
        }
        PriceSheet.Builder b = PriceSheet.builder();
        for (Map.Entry<String, PriceKind> e : PRICES.entrySet()) {
            JsonNode v = pricing.get(e.getKey());
            if (v != null && v.isTextual() && v.asText().trim().startsWith("-")) {
                continue; // variable price of a router meta-model: unknown, not negative
            }
            b.rate(e.getValue(), f.pricePerToken(pricing, e.getKey(), path));
        }
        return b.isEmpty() ? null : b.build();
    }

    private static boolean variable(JsonNode pricing) {
        JsonNode prompt = pricing == null ? null : pricing.get("prompt");
        return prompt != null && prompt.isTextual() && prompt.asText().trim().startsWith("-");
    }

    private static List<Benchmark> benchmarks(JsonFields f, JsonNode aa, String path, Provenance listing) {
        if (aa == null || !aa.isObject()) {
            return List.of();
        }
        List<Benchmark> out = new ArrayList<>();
        AA_INDICES.forEach((field, name) -> {
            JsonNode v = aa.get(field);
            if (v != null && v.isNumber()) {
                BigDecimal score = f.bounded(path + ".benchmarks.artificial_analysis." + field, () -> ValueBounds.score(v.decimalValue()));
                out.add(new Benchmark(name, null, score, BenchmarkKind.QUALITY,
                        new Provenance("Artificial Analysis via OpenRouter", listing.key() + " benchmarks.artificial_analysis." + field, listing.asOf())));
            }
        });
        out.sort(java.util.Comparator.comparing(Benchmark::name));
        return out;
    }

}
