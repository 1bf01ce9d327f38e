package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.ModelType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reviewed identity rules of {@code overlay/identity.toml}: words that only say where a listing is served, names
 * that are each router's own product rather than a model's identity, the
 * providers that resell others' models (never a creator), creators by name prefix, and explicit aliases for listings
 * no general rule can place.
 */
record IdentityRules(Set<String> wrapperWords, Set<String> genericNames, Set<String> hosts, Map<String, String> creatorPrefixes, Map<String, String> aliases,
                     Map<String, ModelType> types) {

    IdentityRules {
        wrapperWords = Set.copyOf(wrapperWords);
        genericNames = Set.copyOf(genericNames);
        hosts = Set.copyOf(hosts);
        creatorPrefixes = Map.copyOf(creatorPrefixes);
        aliases = Map.copyOf(aliases);
        types = Map.copyOf(types);
    }

    static IdentityRules none() {
        return new IdentityRules(Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of());
    }

    /** The spelling a listing is identified by: a generic name ("auto") is each provider's own, named provider-name. */
    String spelling(String provider, String name) {
        return genericNames.contains(name) ? provider + "-" + name : name;
    }

    /** A reviewed correction of a type the sources state wrongly, if any. */
    Optional<ModelType> type(String modelId) {
        return Optional.ofNullable(types.get(modelId));
    }

    boolean isHost(String provider) {
        return hosts.contains(provider);
    }

    /** The creator named by the longest matching prefix of the id, if any. */
    Optional<String> creatorByName(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return creatorPrefixes.entrySet().stream()
                .filter(e -> lower.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The catalog id an explicit alias sends a spelling to, if any. */
    Optional<String> alias(String spelling) {
        return Optional.ofNullable(aliases.get(spelling.toLowerCase(Locale.ROOT)));
    }

    static IdentityRules read(JsonNode root, String file) {
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(file, "", "expected a TOML document");
        }
        Map<String, ModelType> types = new HashMap<>();
        table(root, "identity_types", file).forEach((id, type) -> {
            try {
                types.put(id, ModelType.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SourceFormatException(file, "identity_types." + id, "expected a model type such as chat or embedding, got \"" + type + "\"");
            }
        });
        return new IdentityRules(words(root, "wrapper_words", file), words(root, "generic_names", file), words(root, "hosts", file),
                table(root, "identity_creators", file), table(root, "identity_aliases", file), types);
    }

    private static Set<String> words(JsonNode root, String key, String file) {
        JsonNode list = root.path(key);
        if (!list.isMissingNode() && !list.isArray()) {
            throw new SourceFormatException(file, key, "expected a list of words");
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                throw new SourceFormatException(file, key + "[" + i + "]", "expected a word");
            }
            out.add(list.get(i).asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A table of the file, its keys lowercased as spellings are compared. */
    private static Map<String, String> table(JsonNode root, String key, String file) {
        Map<String, String> out = new HashMap<>();
        Overlay.strings(root, key, file).forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
