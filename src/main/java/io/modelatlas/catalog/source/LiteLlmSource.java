package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.TokenRate;
import io.modelatlas.pricing.ValueBounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: prices per token, limits, {@code supports_*} flags.
 * Keys such as {@code low/1024-x-1024/gpt-image-1-mini} are not models but per-image prices of the model named last;
 * {@code ft:gpt-4.1-2025-04-14} entries are fine-tuned variants, read only as proof that fine-tuning exists.
 */
final class LiteLlmSource {
    private static final Set<String> NOT_MODELS = Set.of("sample_spec", "fallback_generalizations");
    private static final Pattern SIZE = Pattern.compile("\\d+-x-\\d+");
    private static final Pattern TIER = Pattern.compile("^(.*)_above_(\\d+)k_tokens$");
    private static final Map<String, PriceKind> KINDS = Map.ofEntries(
            Map.entry("input_cost_per_token", PriceKind.INPUT),
            Map.entry("output_cost_per_token", PriceKind.OUTPUT),
            Map.entry("cache_read_input_token_cost", PriceKind.CACHED_INPUT),
            Map.entry("cache_creation_input_token_cost", PriceKind.CACHE_WRITE),
            Map.entry("cache_creation_input_token_cost_above_1hr", PriceKind.CACHE_WRITE_1H),
            Map.entry("output_cost_per_reasoning_token", PriceKind.REASONING),
            Map.entry("input_cost_per_image_token", PriceKind.INPUT_IMAGE),
            Map.entry("output_cost_per_image_token", PriceKind.OUTPUT_IMAGE),
            Map.entry("input_cost_per_audio_token", PriceKind.INPUT_AUDIO),
            Map.entry("output_cost_per_audio_token", PriceKind.OUTPUT_AUDIO));
    private static final Map<String, ServiceTier> TIER_SUFFIXES = Map.of(
            "_batches", ServiceTier.BATCH, "_flex", ServiceTier.FLEX, "_priority", ServiceTier.PRIORITY);
    private static final Map<String, Capability> FLAGS = Map.ofEntries(
            Map.entry("supports_function_calling", Capability.FUNCTION_CALLING),
            Map.entry("supports_response_schema", Capability.STRUCTURED_OUTPUT),
            Map.entry("supports_vision", Capability.VISION),
            Map.entry("supports_pdf_input", Capability.PDF_INPUT),
            Map.entry("supports_audio_input", Capability.AUDIO_INPUT),
            Map.entry("supports_audio_output", Capability.AUDIO_OUTPUT),
            Map.entry("supports_reasoning", Capability.REASONING),
            Map.entry("supports_prompt_caching", Capability.PROMPT_CACHING),
            Map.entry("supports_web_search", Capability.WEB_SEARCH),
            Map.entry("supports_native_streaming", Capability.STREAMING));

    /** The offerings read, and the model keys that have fine-tuned variants. */
    record Result(List<SourceRecord> records, Set<String> fineTunedKeys, int entries, List<String> warnings, List<SourceFormatException> skipped) {}

    private LiteLlmSource() {}

    static Result read(JsonNode root, String file, LocalDate asOf) {
        return read(root, file, asOf, false);
    }

    static Result read(JsonNode root, String file, LocalDate asOf, boolean skipInvalid) {
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(file, "$", "expected a JSON object of model entries");
        }
        JsonFields f = new JsonFields(file, skipInvalid);
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, List<ImagePrice>> images = new LinkedHashMap<>();
        Set<String> fineTuned = new HashSet<>();
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (NOT_MODELS.contains(key)) {
                continue;
            }
            count++;
            try {
                entry(f, key, e.getValue(), entries, images, fineTuned);
            } catch (SourceFormatException bad) {
                f.skipOrThrow(bad);
            }
        }
        List<SourceRecord> records = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry en = e.getValue();
            try {
                PriceSheet.Builder prices = priceSheet(f, en.node, en.path);
                images.getOrDefault(e.getKey(), List.of()).forEach(prices::image);
                records.add(record(f, en, prices, asOf));
            } catch (SourceFormatException bad) {
                f.skipOrThrow(bad);
            }
            images.remove(e.getKey());
        }
        // image prices whose base model has no entry of its own still make an offering (e.g. dall-e-2 sizes)
        images.forEach((k, list) -> {
            String provider = k.substring(0, k.indexOf('|'));
            String model = k.substring(k.indexOf('|') + 1);
            PriceSheet.Builder b = PriceSheet.builder();
            list.forEach(b::image);
            records.add(new SourceRecord(new Provenance(SourcePrecedence.LITELLM, "*/" + model, asOf), provider, model, null, null, null,
                    ModelType.IMAGE_GENERATION, b.build(), null, null, null, null, null, null, null, Map.of(), List.of(), null, false, null, List.of(), false));
        });
        return new Result(records, fineTuned, count, f.warnings(), f.skipped());
    }

    /** Sorts one top-level entry into offerings, per-image prices or fine-tune evidence. */
    private static void entry(JsonFields f, String key, JsonNode node, Map<String, Entry> entries, Map<String, List<ImagePrice>> images,
                              Set<String> fineTuned) {
        String path = "$['" + Ids.printable(key) + "']";
        f.id(key, path);
        if (!node.isObject()) {
            throw new SourceFormatException(f.file(), path, "expected an object, got " + JsonFields.describe(node));
        }
        String provider = f.text(node, "litellm_provider", path);
        if (provider == null) {
            return; // entries without a provider are routing aliases, not offerings
        }
        f.id(provider, path + ".litellm_provider");
        if (key.startsWith("ft:")) {
            fineTuned.add(ModelKeys.of(key.substring(3).split(":")[0]));
            String undated = ModelKeys.undated(ModelKeys.of(key.substring(3).split(":")[0]));
            if (undated != null) {
                fineTuned.add(undated);
            }
            return;
        }
        String[] parts = key.split("/");
        int sizeAt = indexOfSize(parts);
        if (sizeAt >= 0) {
            imagePrice(f, node, path, parts, sizeAt, provider, images);
            return;
        }
        entries.put(provider + "|" + apiId(key, provider), new Entry(key, path, provider, node));
    }

    private record Entry(String key, String path, String provider, JsonNode node) {}

    /** The provider's own id: the key without a leading {@code provider/}. */
    static String apiId(String key, String provider) {
        return key.startsWith(provider + "/") ? key.substring(provider.length() + 1) : key;
    }

    private static int indexOfSize(String[] parts) {
        for (int i = 0; i < parts.length - 1; i++) {
            if (SIZE.matcher(parts[i]).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static void imagePrice(JsonFields f, JsonNode node, String path, String[] parts, int sizeAt, String provider,
                                   Map<String, List<ImagePrice>> images) {
        String size = parts[sizeAt].replace("-x-", "x");
        String quality = null;
        if (sizeAt > 0 && !parts[sizeAt - 1].equals(provider)) {
            quality = parts[sizeAt - 1];
        }
        int modelStart = sizeAt + 1;
        if (modelStart < parts.length - 1 && parts[modelStart].endsWith("steps")) {
            quality = quality == null ? parts[modelStart] : quality + " " + parts[modelStart];
            modelStart++;
        }
        String model = String.join("/", java.util.Arrays.copyOfRange(parts, modelStart, parts.length));
        model = apiId(model, provider);
        BigDecimal price = f.imagePrice(node, "output_cost_per_image", path);
        if (price == null) {
            price = f.imagePrice(node, "input_cost_per_image", path);
        }
        if (price == null) {
            BigDecimal perPixel = f.imagePrice(node, "input_cost_per_pixel", path);
            if (perPixel != null) {
                String[] wh = size.split("x");
                BigDecimal perImage = PixelRate.perImage(perPixel, Long.parseLong(wh[0]) * Long.parseLong(wh[1]));
                price = f.bounded(path + ".input_cost_per_pixel", () -> ValueBounds.usdPerImage(perImage));
            }
        }
        if (price != null) {
            images.computeIfAbsent(provider + "|" + model, k -> new ArrayList<>()).add(new ImagePrice(quality, size, price));
        }
    }

    static PriceSheet.Builder priceSheet(JsonFields f, JsonNode node, String path) {
        EnumMap<ServiceTier, PriceSheet.Builder> tiers = new EnumMap<>(ServiceTier.class);
        tiers.put(ServiceTier.STANDARD, PriceSheet.builder());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            String base = field;
            ServiceTier tier = ServiceTier.STANDARD;
            for (Map.Entry<String, ServiceTier> s : TIER_SUFFIXES.entrySet()) {
                if (base.endsWith(s.getKey())) {
                    base = base.substring(0, base.length() - s.getKey().length());
                    tier = s.getValue();
                }
            }
            long threshold = 0;
            Matcher m = TIER.matcher(base);
            if (m.matches()) {
                base = m.group(1);
                BigDecimal thousands = new BigDecimal(m.group(2));
                threshold = f.bounded(path + "." + field, () -> ValueBounds.tokenCount(thousands.movePointRight(3)));
            }
            PriceKind kind = KINDS.get(base);
            if (kind == null && base.equals("input_cost_per_token_cache_hit")) {
                kind = node.has("cache_read_input_token_cost") ? null : PriceKind.CACHED_INPUT;
            }
            if (kind == null) {
                continue;
            }
            TokenRate rate = f.pricePerToken(node, field, path);
            if (rate == null || kind == PriceKind.CACHE_WRITE_1H && belowFiveMinuteWrite(f, node, field, path, rate)) {
                continue;
            }
            PriceSheet.Builder b = tiers.computeIfAbsent(tier, t -> PriceSheet.builder());
            if (threshold > 0) {
                b.tier(kind, threshold, rate);
            } else {
                b.rate(kind, rate);
            }
        }
        tieredPricing(f, node, path, tiers.get(ServiceTier.STANDARD));
        BigDecimal perImage = f.imagePrice(node, "output_cost_per_image", path);
        if (perImage != null) {
            tiers.get(ServiceTier.STANDARD).image(new ImagePrice(null, null, perImage));
        }
        PriceSheet.Builder standard = tiers.get(ServiceTier.STANDARD);
        tiers.forEach((t, b) -> {
            if (t != ServiceTier.STANDARD) {
                standard.serviceTier(t, b.build());
            }
        });
        return standard;
    }

    /**
     * A 1-hour cache write priced below the 5-minute one is a data error, not a price: a longer-lived cache entry never
     * costs less to write (Anthropic charges 2x input for 1 hour, 1.25x for 5 minutes). LiteLLM's Claude 3 Opus entry
     * says $6 per million, under its own $15 input; the rate is left unknown rather than shown.
     */
    private static boolean belowFiveMinuteWrite(JsonFields f, JsonNode node, String field, String path, TokenRate oneHour) {
        String fiveMinuteField = field.replace("cache_creation_input_token_cost_above_1hr", "cache_creation_input_token_cost");
        TokenRate fiveMinutes = node.has(fiveMinuteField) ? f.pricePerToken(node, fiveMinuteField, path) : null;
        return fiveMinutes != null && oneHour.usdPerMillion().compareTo(fiveMinutes.usdPerMillion()) < 0;
    }

    /**
     * LiteLLM's {@code tiered_pricing} (Alibaba's dashscope entries): {@code [{input_cost_per_token, output_cost_per_token,
     * range: [0, 256000]}, {..., range: [256000, 1000000]}]}. The whole request is billed at the rates of the range its
     * input falls in, so each range after the first is a long-context {@link io.modelatlas.pricing.Tier} at the range's
     * start, and the first range gives the base rates. Boundaries follow LiteLLM's
     * {@code tiered_pricing.select_tier_for_input}: a range matches when {@code start < input <= end} (Alibaba's
     * "0 < tokens <= 256K"), so 256,000 input tokens are still in the first range; that is {@link io.modelatlas.pricing.TierRule#ABOVE} (the
     * sheet's default). Past the last range's end LiteLLM keeps the last range, as a tier with no upper end does.
     * Within a range a cached read or reasoning rate it does not list is its own input or output rate, as in LiteLLM's
     * dashscope cost calculator. Entries without {@code range} (per-query search prices) are not token tiers: ignored.
     */
    private static void tieredPricing(JsonFields f, JsonNode node, String path, PriceSheet.Builder sheet) {
        JsonNode tiers = node.get("tiered_pricing");
        if (tiers == null || !tiers.isArray() || tiers.isEmpty() || !tiers.get(0).has("range")) {
            return;
        }
        record Range(long start, JsonNode prices, String path) {}
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            String at = path + ".tiered_pricing[" + i + "]";
            JsonNode range = tiers.get(i).get("range");
            if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()
                    || range.get(0).decimalValue().stripTrailingZeros().scale() > 0) {
                throw new SourceFormatException(f.file(), at + ".range", "expected [start, end] token counts");
            }
            ranges.add(new Range(range.get(0).decimalValue().longValue(), tiers.get(i), at));
        }
        ranges.sort(Comparator.comparingLong(Range::start));
        if (ranges.get(0).start() != 0) {
            throw new SourceFormatException(f.file(), ranges.get(0).path() + ".range", "the first range must start at 0 tokens");
        }
        Map<PriceKind, String> kinds = new LinkedHashMap<>();
        kinds.put(PriceKind.INPUT, "input_cost_per_token");
        kinds.put(PriceKind.OUTPUT, "output_cost_per_token");
        kinds.put(PriceKind.CACHED_INPUT, "cache_read_input_token_cost");
        kinds.put(PriceKind.REASONING, "output_cost_per_reasoning_token");
        for (Map.Entry<PriceKind, String> k : kinds.entrySet()) {
            boolean listed = ranges.stream().anyMatch(r -> r.prices().has(k.getValue()));
            for (Range r : ranges) {
                BigDecimal perToken = f.price(r.prices(), k.getValue(), r.path());
                if (perToken == null && listed && k.getKey() != PriceKind.INPUT && k.getKey() != PriceKind.OUTPUT) {
                    // listed in another range only: this range bills it at its own input or output rate
                    perToken = f.price(r.prices(), k.getKey() == PriceKind.CACHED_INPUT ? "input_cost_per_token" : "output_cost_per_token", r.path());
                }
                if (perToken == null) {
                    continue;
                }
                if (r.start() == 0) {
                    sheet.rate(k.getKey(), TokenRate.perToken(perToken));
                } else {
                    sheet.tier(k.getKey(), r.start(), TokenRate.perToken(perToken));
                }
            }
        }
    }

    private static SourceRecord record(JsonFields f, Entry e, PriceSheet.Builder prices, LocalDate asOf) {
        JsonNode n = e.node;
        String p = e.path;
        Map<Capability, Boolean> caps = new EnumMap<>(Capability.class);
        FLAGS.forEach((field, cap) -> {
            Boolean v = f.bool(n, field, p);
            if (v != null) {
                caps.put(cap, v);
            }
        });
        List<String> endpoints = new ArrayList<>();
        JsonNode ep = n.get("supported_endpoints");
        if (ep != null && ep.isArray()) {
            ep.forEach(x -> endpoints.add(x.asText()));
        }
        // a published batch price says the batch API exists as surely as the endpoint list does (most entries have no list)
        if (endpoints.contains("/v1/batch") || n.has("input_cost_per_token_batches")) {
            caps.put(Capability.BATCH, true);
        }
        Long maxOutput = f.tokens(n, "max_output_tokens", p, true);
        Long maxInput = f.tokens(n, "max_input_tokens", p, true);
        PriceSheet sheet = prices.isEmpty() ? null : prices.build();
        Set<Modality> input = JsonFields.modalities(n.get("supported_modalities"));
        if (input != null && Boolean.TRUE.equals(caps.get(Capability.PDF_INPUT))) {
            input.add(Modality.PDF); // LiteLLM lists PDF as a flag, not a modality
        }
        return new SourceRecord(new Provenance(SourcePrecedence.LITELLM, e.key, asOf), e.provider, apiId(e.key, e.provider), null, null, null,
                ModelType.fromLiteLlmMode(f.text(n, "mode", p)), sheet, null, maxInput, maxOutput, null, null,
                input, JsonFields.modalities(n.get("supported_output_modalities")), caps, endpoints,
                f.date(n, "deprecation_date", p), false, null, List.of(), false);
    }

}
