package io.modelatlas.catalog.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups offerings of one model across providers by a normalised key: the last path segment of the provider's
 * id, lowercased, with wrappers that only say where it runs removed: Bedrock region and vendor prefixes
 * ({@code us.anthropic.}), Bedrock version suffixes ({@code -v1:0}), Vertex's {@code @} before a version. Only
 * these well-known shapes are stripped; anything else stays distinct rather than risk merging two models.
 */
final class ModelKeys {
    private static final Pattern REGION = Pattern.compile("^(us|eu|apac|global|jp|au|ca|us-gov)\\.");
    private static final Pattern VENDOR = Pattern.compile(
            "^(anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|writer|twelvelabs|stability|moonshotai|moonshot|minimax|google|zai|xai|nvidia)\\.");
    private static final Pattern BEDROCK_VERSION = Pattern.compile("(-v\\d+(:\\d+)?|:\\d+)$");
    private static final Pattern DATED = Pattern.compile("^(.+)-(\\d{4}-\\d{2}-\\d{2}|20\\d{6})$");

    private ModelKeys() {}

    static String of(String apiModelId) {
        String id = apiModelId.toLowerCase(Locale.ROOT).trim();
        int slash = id.lastIndexOf('/');
        String last = slash >= 0 ? id.substring(slash + 1) : id;
        if (last.chars().noneMatch(Character::isLetter)) {
            // "bria/text-to-image/3.2" or a path ending in "/": the last segment alone names nothing, the path does
            return id.replaceAll("/+$", "").replace('/', '-').replace('@', '-');
        }
        last = REGION.matcher(last).replaceFirst("");
        if (VENDOR.matcher(last).find()) {
            last = VENDOR.matcher(last).replaceFirst("");
            last = BEDROCK_VERSION.matcher(last).replaceFirst("");
        }
        return last.replace('@', '-');
    }

    /** {@code gpt-4.1-2025-04-14} → {@code gpt-4.1}, {@code claude-3-7-sonnet-20250219} → {@code claude-3-7-sonnet}; null when undated. */
    static String undated(String key) {
        var m = DATED.matcher(key);
        return m.matches() ? m.group(1) : null;
    }
}
