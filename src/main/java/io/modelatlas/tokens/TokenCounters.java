package io.modelatlas.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token counters by encoding name, or for a model from the encoding the catalog maps it to (data, not code: a new
 * model needs no code change). Encodings are built once and shared; they are thread-safe. o200k_base and cl100k_base
 * use the fast {@link BpeTokenCounter}; p50k_base and r50k_base use jtokkit, which is also the reference the fast one
 * is tested against ({@link #reference}).
 */
public final class TokenCounters {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    /** tiktoken's special tokens per encoding, with their ids. */
    private static final Map<String, Map<String, Integer>> SPECIAL = Map.of(
            "o200k_base", Map.of("<|endoftext|>", 199999, "<|endofprompt|>", 200018),
            "cl100k_base", Map.of("<|endoftext|>", 100257, "<|fim_prefix|>", 100258, "<|fim_middle|>", 100259,
                    "<|fim_suffix|>", 100260, "<|endofprompt|>", 100276),
            "p50k_base", Map.of("<|endoftext|>", 50256),
            "r50k_base", Map.of("<|endoftext|>", 50256));
    private static final Map<String, TokenCounter> BY_NAME = new LinkedHashMap<>();

    private TokenCounters() {}

    /** The exact counter of a tiktoken encoding: o200k_base, cl100k_base, p50k_base or r50k_base. */
    public static synchronized TokenCounter forEncoding(String name) {
        String key = name.toLowerCase(Locale.ROOT).trim();
        TokenCounter counter = BY_NAME.get(key);
        if (counter == null) {
            EncodingType type = switch (key) {
                case "o200k_base" -> EncodingType.O200K_BASE;
                case "cl100k_base" -> EncodingType.CL100K_BASE;
                case "p50k_base" -> EncodingType.P50K_BASE;
                case "r50k_base" -> EncodingType.R50K_BASE;
                default -> throw new IllegalArgumentException("unknown encoding '" + name + "'; expected one of o200k_base, cl100k_base, p50k_base, r50k_base");
            };
            counter = switch (key) {
                case "o200k_base" -> new BpeTokenCounter(key, BpeRanks.load(key), Pretokenizer.O200K, SPECIAL.get(key));
                case "cl100k_base" -> new BpeTokenCounter(key, BpeRanks.load(key), Pretokenizer.CL100K, SPECIAL.get(key));
                default -> reference(type, key);
            };
            BY_NAME.put(key, counter);
        }
        return counter;
    }

    /** jtokkit's counter for an encoding: the reference implementation, for tests and benchmarks. */
    static TokenCounter reference(String name) {
        String key = name.toLowerCase(Locale.ROOT).trim();
        return reference(EncodingType.fromName(key).orElseThrow(() -> new IllegalArgumentException("unknown encoding '" + name + "'")), key);
    }

    private static TokenCounter reference(EncodingType type, String key) {
        return new JtokkitTokenCounter(REGISTRY.getEncoding(type), key, SPECIAL.get(key));
    }

    /**
     * The counter for a model: exact when the catalog maps it to an encoding ({@code tokenizer}), else an o200k_base
     * estimate labelled as such.
     */
    public static TokenCounter forModel(String modelId, String tokenizer) {
        return tokenizer == null ? new EstimatingTokenCounter(forEncoding("o200k_base"), modelId) : forEncoding(tokenizer);
    }
}
