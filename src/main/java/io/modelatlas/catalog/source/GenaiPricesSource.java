package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pydantic's genai-prices v2 feed ({@code prices/new_data/v2/data.json}): an array of providers, each with
 * {@code pricing_urls} (the provider's official pricing pages) and {@code models}, each model with {@code prices} in
 * USD per million tokens. Every price is cited as the provider's first pricing page, carried by genai-prices.
 *
 * <ul>
 *   <li>A value is a number or {@code {base, tiers: [{start, price}]}}: the base rate, and a long-context
 *       {@link io.modelatlas.pricing.Tier} per tier. genai-prices bills the whole request at a tier's rate once the
 *       input crosses {@code start} (its "cliff" model), as LiteLLM's {@code _above_200k_tokens} prices do.</li>
 *   <li>A list of {@code {constraint, prices}} is tried last to first, as genai-prices does: the price is the last
 *       one in force on the feed's as-of date (no constraint, or a {@code start_date} on or before it). A price that
 *       starts later is not yet the price. A daily window ({@code start_time}/{@code end_time}, DeepSeek's hours) is
 *       the price when it covers most of the day, else the off-peak exception it is, and the other price stands.
 *       The dated ones are kept too, as the offering's {@link DatedPrice}s: the provider's price changes with the day
 *       each took effect, which the price history shows beside the changes the store observed.</li>
 *   <li>An absent price is unknown, never 0: an entry with {@code "prices": {}} (OpenRouter's {@code :free}
 *       listings) has no price sheet. Per-request and per-search prices ({@code *_kcount}) are not token prices and
 *       are left out, as are video and citation rates the catalog has no kind for.</li>
 *   <li>Only prices, {@code context_window} and {@code deprecated} are read: names are lowercase API spellings
 *       ({@code "gpt 4.1"}) and descriptions are prose that repeats vendor claims, so neither is taken.</li>
 *   <li>Provider ids are genai-prices' own ({@code aws}, {@code x-ai}); the overlay's provider table maps them to the
 *       catalog's. Its {@code openrouter} entries ({@code openai/gpt-4.1}) are OpenRouter's offerings, read as
 *       {@link OpenRouterSource} reads them: the router's listing under the creator's name, not the creator's price.</li>
 * </ul>
 */
final class GenaiPricesSource {
    private static final Map<String, PriceKind> KINDS = kinds();

    record Result(List<SourceRecord> records, int entries, List<String> warnings, List<SourceFormatException> skipped) {}

    private GenaiPricesSource() {}

    private static Map<String, PriceKind> kinds() {
        Map<String, PriceKind> k = new LinkedHashMap<>();
        k.put("input_mtok", PriceKind.INPUT);
        k.put("cache_read_mtok", PriceKind.CACHED_INPUT);
        k.put("cache_write_mtok", PriceKind.CACHE_WRITE);
        k.put("cache_write_1h_mtok", PriceKind.CACHE_WRITE_1H);
        k.put("output_mtok", PriceKind.OUTPUT);
        k.put("output_reasoning_mtok", PriceKind.REASONING);
        k.put("input_audio_mtok", PriceKind.INPUT_AUDIO);
        k.put("output_audio_mtok", PriceKind.OUTPUT_AUDIO);
        k.put("input_image_mtok", PriceKind.INPUT_IMAGE);
        k.put("output_image_mtok", PriceKind.OUTPUT_IMAGE);
        return Map.copyOf(k);
    }

    static Result read(JsonNode root, String file, LocalDate asOf) {
        return read(root, file, asOf, false);
    }

    static Result read(JsonNode root, String file, LocalDate asOf, boolean skipInvalid) {
        if (root == null || !root.isArray()) {
            throw new SourceFormatException(file, "$", "expected a JSON array of providers (genai-prices v2 data.json)");
        }
        JsonFields f = new JsonFields(file, skipInvalid);
        List<SourceRecord> out = new ArrayList<>();
        int entries = 0;
        for (int i = 0; i < root.size(); i++) {
            JsonNode p = root.get(i);
            String providerPath = "$[" + i + "]";
            String provider;
            String pricingPage;
            JsonNode models;
            try {
                if (!p.isObject()) {
                    throw new SourceFormatException(file, providerPath, "expected a provider object, got " + JsonFields.describe(p));
                }
                provider = f.text(p, "id", providerPath);
                if (provider == null) {
                    throw new SourceFormatException(file, providerPath + ".id", "every provider needs an id");
                }
                f.id(provider, providerPath + ".id");
                pricingPage = pricingPage(f, p, providerPath);
                models = p.get("models");
                if (models == null || !models.isArray()) {
                    throw new SourceFormatException(file, providerPath + ".models", "expected an array of models");
                }
            } catch (SourceFormatException bad) {
                f.skipOrThrow(bad); // the provider's models are left out with it
                continue;
            }
            for (int j = 0; j < models.size(); j++) {
                entries++;
                String path = providerPath + ".models[" + j + "]";
                try {
                    out.add(record(f, provider, pricingPage, models.get(j), path, asOf));
                } catch (SourceFormatException bad) {
                    f.skipOrThrow(bad);
                }
            }
        }
        return new Result(out, entries, f.warnings(), f.skipped());
    }

    /** The provider's first official pricing page: what every price of the provider cites. */
    private static String pricingPage(JsonFields f, JsonNode p, String path) {
        JsonNode urls = p.get("pricing_urls");
        if (urls == null || urls.isNull()) {
            return null;
        }
        if (!urls.isArray() || urls.isEmpty() || !urls.get(0).isTextual() || urls.get(0).asText().isBlank()) {
            throw new SourceFormatException(f.file(), path + ".pricing_urls", "expected an array of pricing page URLs, got " + JsonFields.describe(urls));
        }
        return urls.get(0).asText();
    }

    private static SourceRecord record(JsonFields f, String provider, String pricingPage, JsonNode n, String path, LocalDate asOf) {
        if (!n.isObject()) {
            throw new SourceFormatException(f.file(), path, "expected a model object, got " + JsonFields.describe(n));
        }
        String id = f.text(n, "id", path);
        if (id == null) {
            throw new SourceFormatException(f.file(), path + ".id", "every model needs an id");
        }
        f.id(id, path + ".id");
        String key = provider + "/" + id + (pricingPage == null ? "" : " citing " + pricingPage);
        Boolean deprecated = f.bool(n, "deprecated", path);
        String creator = id.contains("/") ? id.substring(0, id.indexOf('/')) : null;
        Provenance source = new Provenance(SourcePrecedence.GENAI_PRICES, key, asOf);
        return new SourceRecord(source, provider, id, creator, null, null, null,
                prices(f, current(f, n, path, asOf)), f.tokens(n, "context_window", path, true), null, null, null, null, null, null,
                Map.of(), List.of(), null, Boolean.TRUE.equals(deprecated), null, List.of(), false, dated(f, n, path, source));
    }

    /**
     * Every price of a list that dates its changes, oldest first: the unconstrained one (start unknown: it is the
     * price before the first dated change) and one per {@code start_date}, later ones included (a change the provider
     * has announced). Empty when no entry has a {@code start_date}: one price, or only daily windows, is no history.
     * A daily window is an hour of the day, not a period, and is left out.
     */
    private static List<DatedPrice> dated(JsonFields f, JsonNode n, String path, Provenance source) {
        JsonNode prices = n.get("prices");
        if (prices == null || !prices.isArray()) {
            return List.of();
        }
        List<DatedPrice> out = new ArrayList<>();
        boolean anyDate = false;
        for (int i = 0; i < prices.size(); i++) {
            String at = path + ".prices[" + i + "]";
            JsonNode constraint = prices.get(i).get("constraint");
            LocalDate from = null;
            if (constraint != null && !constraint.isNull()) {
                if (!constraint.has("start_date")) {
                    continue;
                }
                from = f.date(constraint, "start_date", at + ".constraint");
                if (from == null) {
                    continue;
                }
                anyDate = true;
            }
            PriceSheet sheet = prices(f, new At(prices.get(i).get("prices"), at + ".prices"));
            if (sheet != null) {
                out.add(new DatedPrice(from, sheet, source));
            }
        }
        out.sort(Comparator.comparing(DatedPrice::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        return anyDate && out.size() > 1 ? out : List.of();
    }

    /** A price object with its JSON path. */
    private record At(JsonNode prices, String path) {}

    /** The price object in force on {@code asOf}; null when the entry states none. */
    private static At current(JsonFields f, JsonNode n, String path, LocalDate asOf) {
        JsonNode prices = n.get("prices");
        if (prices == null || prices.isNull()) {
            return null;
        }
        if (prices.isObject()) {
            return new At(prices, path + ".prices");
        }
        if (!prices.isArray()) {
            throw new SourceFormatException(f.file(), path + ".prices", "expected a price object or a list of conditional prices, got "
                    + JsonFields.describe(prices));
        }
        for (int i = prices.size() - 1; i >= 0; i--) {
            String at = path + ".prices[" + i + "]";
            JsonNode c = prices.get(i);
            if (!c.isObject() || !c.path("prices").isObject()) {
                throw new SourceFormatException(f.file(), at, "expected {constraint, prices} with a price object");
            }
            if (inForce(f, c.get("constraint"), at + ".constraint", asOf)) {
                return new At(c.get("prices"), at + ".prices");
            }
        }
        return null;
    }

    private static boolean inForce(JsonFields f, JsonNode constraint, String path, LocalDate asOf) {
        if (constraint == null || constraint.isNull()) {
            return true;
        }
        if (constraint.has("start_date")) {
            LocalDate start = f.date(constraint, "start_date", path);
            return start == null || !start.isAfter(asOf);
        }
        if (constraint.has("start_time") && constraint.has("end_time")) {
            String startText = f.text(constraint, "start_time", path);
            String endText = f.text(constraint, "end_time", path);
            try {
                if (startText == null || endText == null) {
                    throw new DateTimeParseException("missing", "", 0);
                }
                LocalTime start = LocalTime.parse(stripZone(startText));
                LocalTime end = LocalTime.parse(stripZone(endText));
                Duration window = Duration.between(start, end);
                if (window.isNegative()) {
                    window = window.plusDays(1);
                }
                return window.compareTo(Duration.ofHours(12)) >= 0;
            } catch (DateTimeParseException e) {
                throw new SourceFormatException(f.file(), path, "expected start_time and end_time as HH:MM:SS, got " + JsonFields.describe(constraint));
            }
        }
        throw new SourceFormatException(f.file(), path, "expected a start_date or a start_time and end_time, got " + JsonFields.describe(constraint));
    }

    private static String stripZone(String time) {
        return time.endsWith("Z") ? time.substring(0, time.length() - 1) : time;
    }

    private static PriceSheet prices(JsonFields f, At at) {
        if (at == null) {
            return null;
        }
        PriceSheet.Builder b = PriceSheet.builder();
        for (Map.Entry<String, PriceKind> k : KINDS.entrySet()) {
            JsonNode v = at.prices().get(k.getKey());
            if (v == null || v.isNull()) {
                continue;
            }
            String path = at.path() + "." + k.getKey();
            if (v.isObject()) {
                tiered(f, v, path, k.getValue(), b);
            } else {
                b.rate(k.getValue(), TokenRate.perMillion(f.price(at.prices(), k.getKey(), at.path())));
            }
        }
        return b.isEmpty() ? null : b.build();
    }

    /** {@code {base, tiers: [{start, price}]}}: the base rate and a long-context tier per entry. */
    private static void tiered(JsonFields f, JsonNode v, String path, PriceKind kind, PriceSheet.Builder b) {
        BigDecimal base = f.price(v, "base", path);
        JsonNode tiers = v.get("tiers");
        if (base == null || tiers == null || !tiers.isArray()) {
            throw new SourceFormatException(f.file(), path, "expected a number or {base, tiers: [{start, price}]}, got " + JsonFields.describe(v));
        }
        b.rate(kind, TokenRate.perMillion(base));
        for (int i = 0; i < tiers.size(); i++) {
            String at = path + ".tiers[" + i + "]";
            JsonNode t = tiers.get(i);
            Long start = t.isObject() ? f.tokens(t, "start", at, false) : null;
            BigDecimal price = t.isObject() ? f.price(t, "price", at) : null;
            if (start == null || price == null || start <= 0) {
                throw new SourceFormatException(f.file(), at, "expected {start: tokens above 0, price: USD per 1M tokens}, got " + JsonFields.describe(t));
            }
            b.tier(kind, start, TokenRate.perMillion(price));
        }
    }
}
