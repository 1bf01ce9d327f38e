package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Lifecycle;
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

    record ModelOverlay(String displayName, List<String> aliases, Lifecycle status, String successor, String description,
                        List<Strength> strengths, List<String> bestFor) {}

    static Overlay empty() {
        return new Overlay(LocalDate.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
    }

    String provider(String sourceProvider) {
        return providers.getOrDefault(sourceProvider, sourceProvider);
    }

    String creator(String hint) {
        String h = hint.toLowerCase(Locale.ROOT);
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

    private static ModelOverlay model(JsonNode n, String file, String path) {
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
        for (int i = 0; i < s.size(); i++) {
            List<String> points = new ArrayList<>();
            s.get(i).path("points").forEach(p -> points.add(p.asText()));
            strengths.add(new Strength(text(s.get(i), "title", file, path + ".strengths[" + i + "].title"), points));
        }
        List<String> bestFor = new ArrayList<>();
        n.path("best_for").forEach(b -> bestFor.add(b.asText()));
        List<String> aliases = new ArrayList<>();
        n.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new ModelOverlay(optionalText(n, "display_name", file, path), aliases, status, successor,
                optionalText(n, "description", file, path), strengths, bestFor);
    }

    private static Map<String, String> strings(JsonNode root, String table, String file) {
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
