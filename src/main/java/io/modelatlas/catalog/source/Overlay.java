package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import io.modelatlas.catalog.Strength;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The curated overlay file: provider and creator tables that tie the sources together, tokenizer rules, and per-model
 * facts no source has (strengths, best-for, successor).
 */
record Overlay(
        LocalDate asOf,
        Map<String, String> providers,
        Map<String, String> creatorAliases,
        Map<String, String> firstParty,
        Map<String, String> creatorNames,
        List<TokenizerRule> tokenizers,
        Map<String, ModelOverlay> models) {

    record TokenizerRule(String encoding, String prefix) {}

    /**
     * One model's curated facts. {@code prices} maps a provider to a price sheet a source lacks; {@code asOf} is the
     * date of an operator's correction, or null for the file's own date.
     */
    record ModelOverlay(String displayName, List<String> aliases, Lifecycle status, String successor, String description,
                        List<Strength> strengths, List<String> bestFor, Map<String, PriceSheet> prices, LocalDate asOf) {}

    static Overlay empty() {
        return new Overlay(LocalDate.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
    }

    String provider(String sourceProvider) {
        return providers.getOrDefault(sourceProvider, sourceProvider);
    }

    /** The creator a source's lab name stands for; OpenRouter's "~openai/..." (its latest-alias listings) is the lab itself. */
    String creator(String hint) {
        String h = hint.toLowerCase(Locale.ROOT);
        h = h.startsWith("~") ? h.substring(1) : h;
        return creatorAliases.getOrDefault(h, h);
    }

    /** The encoding of the longest matching id prefix, if any. */
    Optional<String> tokenizer(String modelId) {
        return tokenizers.stream().filter(r -> modelId.startsWith(r.prefix()))
                .max(Comparator.comparingInt(r -> r.prefix().length()))
                .map(TokenizerRule::encoding);
    }

    static Overlay read(JsonNode root, String file) {
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(file, "", "expected a TOML document");
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(text(root, "as_of", file, "as_of"));
        } catch (DateTimeParseException e) {
            throw new SourceFormatException(file, "as_of", "expected a date YYYY-MM-DD");
        }
        List<TokenizerRule> rules = new ArrayList<>();
        JsonNode tok = root.path("tokenizers");
        for (int i = 0; i < tok.size(); i++) {
            String encoding = text(tok.get(i), "encoding", file, "tokenizers[" + i + "].encoding");
            for (JsonNode p : tok.get(i).path("prefixes")) {
                rules.add(new TokenizerRule(encoding, p.asText()));
            }
        }
        Map<String, ModelOverlay> models = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            models.put(e.getKey(), model(e.getValue(), file, "models." + e.getKey()));
        }
        return new Overlay(asOf, strings(root, "providers", file), strings(root, "creator_aliases", file),
                strings(root, "first_party", file), strings(root, "creators", file), rules, models);
    }

    /** The date the curated facts of {@code modelId} were last set. */
    LocalDate asOf(String modelId) {
        ModelOverlay m = models.get(modelId);
        return m == null || m.asOf() == null ? asOf : m.asOf();
    }

    /** Offerings whose price only the overlay gives, as records of the source "overlay". */
    List<SourceRecord> priceRecords() {
        List<SourceRecord> out = new ArrayList<>();
        models.forEach((id, m) -> m.prices().forEach((provider, sheet) -> out.add(new SourceRecord(
                new Provenance(SourcePrecedence.OVERLAY, "models." + id + ".prices." + provider, asOf(id)), provider, id, null, null, null,
                null, sheet, null, null, null, null, null, null, null, Map.of(), List.of(), null, false, null, List.of(), false))));
        return out;
    }

    /** Checks one model's curated entry as the overlay file would be checked; {@code file} names the input in errors. */
    static void check(JsonNode entry, String file, String path) {
        if (entry == null || !entry.isObject()) {
            throw new SourceFormatException(file, path, "expected an object of overlay fields");
        }
        model(entry, file, path);
    }

    private static ModelOverlay model(JsonNode n, String file, String path) {
        for (java.util.Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new SourceFormatException(file, path + "." + field, "unknown field; expected one of " + FIELDS);
            }
        }
        Lifecycle status = null;
        String statusText = optionalText(n, "status", file, path);
        if (statusText != null) {
            try {
                status = Lifecycle.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SourceFormatException(file, path + ".status", "expected current, superseded or deprecated, got \"" + statusText + "\"");
            }
        }
        String successor = optionalText(n, "successor", file, path);
        if (status == Lifecycle.SUPERSEDED && successor == null) {
            throw new SourceFormatException(file, path + ".successor", "a superseded model needs a successor");
        }
        List<Strength> strengths = new ArrayList<>();
        JsonNode s = n.path("strengths");
        if (!s.isMissingNode() && !s.isNull() && !s.isArray()) {
            throw new SourceFormatException(file, path + ".strengths", "expected a list of {title, points}, got " + JsonFields.describe(s));
        }
        for (int i = 0; i < s.size(); i++) {
            String at = path + ".strengths[" + i + "]";
            for (java.util.Iterator<String> names = s.get(i).fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!STRENGTH_FIELDS.contains(field)) {
                    throw new SourceFormatException(file, at + "." + field, "unknown field; expected one of " + STRENGTH_FIELDS);
                }
            }
            strengths.add(new Strength(text(s.get(i), "title", file, at + ".title"), texts(s.get(i), "points", file, at),
                    optionalText(s.get(i), "source", file, at + ".source")));
        }
        List<String> bestFor = texts(n, "best_for", file, path);
        List<String> aliases = texts(n, "aliases", file, path);
        LocalDate asOf = null;
        String asOfText = optionalText(n, "as_of", file, path);
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                throw new SourceFormatException(file, path + ".as_of", "expected a date YYYY-MM-DD, got \"" + asOfText + "\"");
            }
        }
        return new ModelOverlay(optionalText(n, "display_name", file, path), aliases, status, successor,
                optionalText(n, "description", file, path), strengths, bestFor, prices(n.get("prices"), file, path + ".prices"), asOf);
    }

    /** A strength's fields: {@code source} (a URL or a named source with its date) is left out of an editorial claim. */
    private static final List<String> STRENGTH_FIELDS = List.of("title", "points", "source");

    private static final List<String> FIELDS = List.of("display_name", "aliases", "status", "successor", "description", "strengths",
            "best_for", "prices", "as_of");

    /** {@code prices.<provider> = { input = "0.40", output = "1.60", ... }}: USD per million tokens, as text or number. */
    private static Map<String, PriceSheet> prices(JsonNode n, String file, String path) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new SourceFormatException(file, path, "expected a table of providers, got " + JsonFields.describe(n));
        }
        JsonFields f = new JsonFields(file);
        Map<String, PriceSheet> out = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String at = path + "." + p.getKey();
            if (!p.getValue().isObject()) {
                throw new SourceFormatException(file, at, "expected a table of prices per million tokens, got " + JsonFields.describe(p.getValue()));
            }
            PriceSheet.Builder b = PriceSheet.builder();
            for (Iterator<String> kinds = p.getValue().fieldNames(); kinds.hasNext(); ) {
                String kind = kinds.next();
                PriceKind k = java.util.Arrays.stream(PriceKind.values()).filter(x -> x.jsonName().equals(kind)).findFirst()
                        .orElseThrow(() -> new SourceFormatException(file, at + "." + kind, "unknown price kind; expected one of "
                                + java.util.Arrays.stream(PriceKind.values()).map(PriceKind::jsonName).toList()));
                java.math.BigDecimal perMillion = f.price(p.getValue(), kind, at);
                if (perMillion != null) {
                    b.rate(k, TokenRate.perMillion(perMillion));
                }
            }
            if (b.isEmpty()) {
                throw new SourceFormatException(file, at, "names no price");
            }
            out.put(p.getKey(), b.build());
        }
        return out;
    }

    private static List<String> texts(JsonNode n, String field, String file, String path) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new SourceFormatException(file, path + "." + field, "expected a list of text, got " + JsonFields.describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new SourceFormatException(file, path + "." + field + "[" + i + "]", "expected text, got " + JsonFields.describe(v.get(i)));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** A TOML table of text values, each checked to be text. */
    static Map<String, String> strings(JsonNode root, String table, String file) {
        Map<String, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path(table).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new SourceFormatException(file, table + "." + e.getKey(), "expected text");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field, String file, String path) {
        String v = optionalText(n, field, file, path);
        if (v == null) {
            throw new SourceFormatException(file, path, "missing");
        }
        return v;
    }

    private static String optionalText(JsonNode n, String field, String file, String path) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SourceFormatException(file, path.endsWith(field) ? path : path + "." + field, "expected text, got " + JsonFields.describe(v));
        }
        return v.asText();
    }
}
