package io.modelatlas.web;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.SourcePrecedence;
import io.modelatlas.compare.Format;
import io.modelatlas.text.MarkdownLinks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model's description as a page shows it: safe text with working links, ending at a whole sentence, and who said
 * it ("Description: OpenRouter, as of 2026-08-01"), or labelled editorial when it is the overlay's own words.
 *
 * @param attribution null for the sentence the catalog writes from its own facts
 */
public record Description(List<MarkdownLinks.Part> parts, String attribution, boolean editorial) {
    private static final Map<String, String> SOURCE_NAMES = Map.of(
            SourcePrecedence.OPENROUTER, "OpenRouter", "models.dev", "models.dev", "litellm", "LiteLLM");
    /** A model path on the source's site: {@code /models/openai/gpt-4o}, {@code /anthropic/claude-opus-5}. */
    private static final Pattern MODEL_PATH = Pattern.compile("^/(?:models/)?([A-Za-z0-9._-]+/[A-Za-z0-9._:-]+)/?$");

    public static Description of(Model m, Catalog catalog) {
        Fact<String> d = m.description();
        if (d == null) {
            return new Description(List.of(new MarkdownLinks.Part(m.displayName() + " is " + Format.withArticle(m.type().label())
                    + " model by " + m.creatorName() + ".", null, false)), null, false);
        }
        List<MarkdownLinks.Part> parts = MarkdownLinks.parse(MarkdownLinks.wholeSentences(d.value()), path -> localPage(path, catalog));
        if (d.source().source().equals(SourcePrecedence.OVERLAY)) {
            return new Description(parts, "Editorial: ModelAtlas, as of " + d.source().asOf(), true);
        }
        String source = SOURCE_NAMES.getOrDefault(d.source().source(), d.source().source());
        return new Description(parts, "Description: " + source + ", as of " + d.source().asOf(), false);
    }

    /** The description without links, for a meta tag or a plain-text reader. */
    public String plain() {
        return MarkdownLinks.plain(parts);
    }

    private static Optional<String> localPage(String path, Catalog catalog) {
        var m = MODEL_PATH.matcher(path);
        return m.matches() ? catalog.find(m.group(1)).map(x -> Links.model(x.id())) : Optional.empty();
    }
}
