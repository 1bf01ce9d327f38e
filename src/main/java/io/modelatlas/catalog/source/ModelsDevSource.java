package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads models.dev's resolved {@code api.json} shape: {@code {provider: {models: {id: {...}}}}}, prices per million
 * tokens. A limit of 0 (image models) means "not stated", never a window of 0 tokens.
 */
final class ModelsDevSource {
    private static final Map<String, PriceKind> COSTS = Map.of(
            "input", PriceKind.INPUT,
            "output", PriceKind.OUTPUT,
            "cache_read", PriceKind.CACHED_INPUT,
            "cache_write", PriceKind.CACHE_WRITE,
            "reasoning", PriceKind.REASONING,
            "input_audio", PriceKind.INPUT_AUDIO,
            "output_audio", PriceKind.OUTPUT_AUDIO);

    record Result(List<SourceRecord> records, int entries, List<String> warnings, List<SourceFormatException> skipped) {}

    private ModelsDevSource() {}

    static Result read(JsonNode root, String file, LocalDate asOf) {
        return read(root, file, asOf, false);
    }

    static Result read(JsonNode root, String file, LocalDate asOf, boolean skipInvalid) {
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(file, "$", "expected a JSON object of providers");
        }
        JsonFields f = new JsonFields(file, skipInvalid);
        int entries = 0;
        List<SourceRecord> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String provider = p.getKey();
            if (provider.startsWith("_")) {
                continue;
            }
            String providerPath = "$['" + Ids.printable(provider) + "']";
            JsonNode models = p.getValue().get("models");
            try {
                f.id(provider, providerPath);
                if (models == null || !models.isObject()) {
                    throw new SourceFormatException(file, providerPath + ".models", "expected an object of models");
                }
            } catch (SourceFormatException bad) {
                f.skipOrThrow(bad); // the provider's models are left out with it
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> mi = models.fields(); mi.hasNext(); ) {
                Map.Entry<String, JsonNode> m = mi.next();
                entries++;
                try {
                    String path = providerPath + ".models['" + Ids.printable(m.getKey()) + "']";
                    out.add(record(f, provider, f.id(m.getKey(), path), m.getValue(), path, asOf));
                } catch (SourceFormatException bad) {
                    f.skipOrThrow(bad);
                }
            }
        }
        return new Result(out, entries, f.warnings(), f.skipped());
    }

    private static SourceRecord record(JsonFields f, String provider, String id, JsonNode n, String path, LocalDate asOf) {
        if (!n.isObject()) {
            throw new SourceFormatException(f.file(), path, "expected an object, got " + JsonFields.describe(n));
        }
        if (n.has("base_model")) {
            // models.dev's generator resolves base_model when it builds api.json; an entry still naming one lacks the
            // limits and prices it inherits, and read as it is would blank them (modelsdev/SOURCE.md)
            throw new SourceFormatException(f.file(), path + ".base_model", "the entry inherits from "
                    + JsonFields.describe(n.get("base_model")) + " unresolved; expected models.dev's resolved api.json shape");
        }
        JsonNode limit = n.path("limit");
        JsonNode mods = n.path("modalities");
        Set<Modality> in = JsonFields.modalities(mods.get("input"));
        Set<Modality> out = JsonFields.modalities(mods.get("output"));
        Map<Capability, Boolean> caps = new EnumMap<>(Capability.class);
        put(caps, Capability.FUNCTION_CALLING, f.bool(n, "tool_call", path));
        put(caps, Capability.STRUCTURED_OUTPUT, f.bool(n, "structured_output", path));
        put(caps, Capability.REASONING, f.bool(n, "reasoning", path));
        put(caps, Capability.OPEN_WEIGHTS, f.bool(n, "open_weights", path));
        if (in != null) {
            caps.put(Capability.VISION, in.contains(Modality.IMAGE));
            caps.put(Capability.PDF_INPUT, in.contains(Modality.PDF));
            caps.put(Capability.AUDIO_INPUT, in.contains(Modality.AUDIO));
        }
        String creator = id.contains("/") ? id.substring(0, id.indexOf('/')) : null;
        return new SourceRecord(new Provenance(SourcePrecedence.MODELS_DEV, provider + "/" + id, asOf), provider, id, creator,
                f.text(n, "name", path), f.text(n, "family", path), type(id, out), prices(f, n.get("cost"), path + ".cost"),
                f.tokens(limit, "context", path + ".limit", true), f.tokens(limit, "input", path + ".limit", true),
                f.tokens(limit, "output", path + ".limit", true), f.partialDate(n, "knowledge", path), f.partialDate(n, "release_date", path),
                in, out, caps, List.of(), null, "deprecated".equals(f.text(n, "status", path)), null, List.of(), false);
    }

    private static void put(Map<Capability, Boolean> caps, Capability c, Boolean v) {
        if (v != null) {
            caps.put(c, v);
        }
    }

    /**
     * models.dev has no mode field: the type is read from the output modalities, and from names only for families
     * that are never chat models (rerankers, embedders, diffusion image models, speech models).
     */
    private static ModelType type(String id, Set<Modality> out) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.contains("embed")) {
            return ModelType.EMBEDDING;
        }
        if (lower.contains("rerank")) {
            return ModelType.RERANK;
        }
        if (lower.contains("flux") || lower.contains("stable-diffusion") || lower.contains("sdxl") || lower.contains("dall-e")) {
            return ModelType.IMAGE_GENERATION;
        }
        if (lower.contains("whisper")) {
            return ModelType.AUDIO_TRANSCRIPTION;
        }
        if (out != null && out.contains(Modality.IMAGE) && (!out.contains(Modality.TEXT) || lower.contains("image"))) {
            return ModelType.IMAGE_GENERATION;
        }
        if (out != null && out.contains(Modality.VIDEO) && !out.contains(Modality.TEXT)) {
            return ModelType.VIDEO_GENERATION;
        }
        return ModelType.CHAT;
    }

    private static PriceSheet prices(JsonFields f, JsonNode cost, String path) {
        if (cost == null || !cost.isObject()) {
            return null;
        }
        PriceSheet.Builder b = PriceSheet.builder();
        COSTS.forEach((field, kind) -> {
            BigDecimal v = f.price(cost, field, path);
            if (v != null) {
                b.rate(kind, TokenRate.perMillion(v));
            }
        });
        JsonNode over = cost.get("context_over_200k");
        if (over != null && over.isObject()) {
            COSTS.forEach((field, kind) -> {
                BigDecimal v = f.price(over, field, path + ".context_over_200k");
                if (v != null) {
                    b.tier(kind, 200_000, TokenRate.perMillion(v));
                }
            });
        }
        return b.isEmpty() ? null : b.build();
    }

}
