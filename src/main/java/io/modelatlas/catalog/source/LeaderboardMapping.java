package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a leaderboard's published model name to a catalog model and a variant (reasoning effort, thinking budget,
 * edit format, style control). In order: the reviewed table {@code leaderboards/mapping.toml}; the name as published
 * through {@link Catalog#find}; the name without the variant markers this class parses, through {@link Catalog#find}.
 * Nothing is guessed: a name none of these places is unmapped.
 */
final class LeaderboardMapping {
    static final String TABLE = LeaderboardTable.DIR + "mapping.toml";

    /** A row's model and variant; {@code how} is {@code table}, {@code name} or {@code stripped}. */
    record Mapped(String modelId, String variant, String how) {}

    /** A name's model and the variant its name states. */
    private record Placed(String modelId, String nameVariant, String how) {}

    // A parenthesis stating a setting: "(high)", "(32k thinking tokens)", "(no think)", "(default)". A date or
    // snapshot in parentheses ("(2025-02-15)", "(0528)") names another model and is not stripped.
    private static final Pattern PAREN = Pattern.compile(
            "^(.+?)\\s*\\(((?:minimal|low|medium|high|xhigh)|default|[^()]*think[^()]*)\\)$", Pattern.CASE_INSENSITIVE);
    // Epoch's settings suffix: reasoning effort or a Claude thinking budget.
    private static final Pattern UNDERSCORE = Pattern.compile("^(.+)_((?:low|medium|high)|\\d+K)$");
    // A trailing setting in a dashed name, stripped one at a time from the end.
    private static final Pattern DASH = Pattern.compile(
            "^(.+?)-(thinking-auto|thinking(?:-\\d+k)?|no-?thinking|highthinking|base|(?:minimal|low|medium|x?high)(?:-effort)?)$");
    // Reasoning effort before a dated snapshot: "gpt-5-high-2025-08-07".
    private static final Pattern EFFORT_BEFORE_DATE = Pattern.compile("^(.+?)-(minimal|low|medium|x?high)(-\\d{4}-\\d{2}-\\d{2})$");

    private static final Pattern SNAPSHOT_DATE = Pattern.compile("(20\\d{2}-?\\d{2}-?\\d{2})$");

    private final Catalog catalog;
    private final Map<String, Map<String, Placed>> table;
    private final Map<String, Optional<Placed>> placed = new HashMap<>();

    private LeaderboardMapping(Catalog catalog, Map<String, Map<String, Placed>> table) {
        this.catalog = catalog;
        this.table = table;
    }

    /**
     * @throws SourceFormatException when the table is malformed or names a catalog id that does not exist
     */
    static LeaderboardMapping bundled(Catalog catalog) {
        try (InputStream in = LeaderboardMapping.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new SourceFormatException("leaderboards/mapping.toml", "", "missing from the bundled data");
            }
            return of(catalog, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceFormatException("leaderboards/mapping.toml", "", e.getMessage(), e);
        }
    }

    /**
     * @throws SourceFormatException when the table is malformed or names a catalog id that does not exist
     */
    static LeaderboardMapping of(Catalog catalog, String toml) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new SourceFormatException("leaderboards/mapping.toml", "", e.getMessage(), e);
        }
        return new LeaderboardMapping(catalog, table(root, catalog));
    }

    private static Map<String, Map<String, Placed>> table(JsonNode root, Catalog catalog) {
        String file = "leaderboards/mapping.toml";
        Map<String, Map<String, Placed>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> sources = root.fields(); sources.hasNext(); ) {
            Map.Entry<String, JsonNode> source = sources.next();
            if (!LeaderboardTable.SOURCES.contains(source.getKey())) {
                throw new SourceFormatException(file, "[" + source.getKey() + "]", "not a leaderboard source: " + LeaderboardTable.SOURCES);
            }
            Map<String, Placed> names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = source.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = source.getKey() + ".\"" + e.getKey() + "\"";
                if (!e.getValue().isObject()) {
                    throw new SourceFormatException(file, key, "expected { id = \"...\", variant = \"...\" }");
                }
                String id = e.getValue().path("id").asText("");
                if (catalog.byId(id).isEmpty()) {
                    throw new SourceFormatException(file, key, "no catalog model has the id \"" + id + "\"");
                }
                names.put(e.getKey(), new Placed(id, e.getValue().path("variant").asText(""), "table"));
            }
            out.put(source.getKey(), names);
        }
        return out;
    }

    /** The row's model and variant, or empty when its name is unmapped. */
    Optional<Mapped> map(LeaderboardTable.Score score) {
        return place(score.source(), score.publishedName()).map(p -> new Mapped(p.modelId(), variant(p.nameVariant(), score), p.how()));
    }

    /** The variant a row is a score of: its name's variant, LMArena's style control, and the run settings it publishes. */
    private static String variant(String nameVariant, LeaderboardTable.Score score) {
        StringBuilder v = new StringBuilder(nameVariant);
        if (score.metric().contains("no style control")) {
            append(v, "no style control");
        } else if (score.metric().contains("style control")) {
            append(v, "style control");
        }
        String settings = score.settings();
        if (!settings.isEmpty()) {
            append(v, settings);
        }
        return v.toString();
    }

    private static void append(StringBuilder v, String part) {
        if (v.length() > 0) {
            v.append("; ");
        }
        v.append(part);
    }

    private Optional<Placed> place(String source, String name) {
        return placed.computeIfAbsent(source + "\u0000" + name, k -> Optional.ofNullable(placeUncached(source, name)));
    }

    private Placed placeUncached(String source, String name) {
        Placed reviewed = table.getOrDefault(source, Map.of()).get(name);
        if (reviewed != null) {
            return reviewed;
        }
        if (name.contains(" + ")) {
            return null; // an architect pair of two models
        }
        String bare = name;
        if (source.equals("vectara-hallucination") && bare.indexOf('/') > 0) {
            bare = bare.substring(bare.indexOf('/') + 1);
        }
        Optional<Model> asPublished = catalog.find(bare);
        if (asPublished.isPresent()) {
            return new Placed(asPublished.get().id(), snapshot(bare, asPublished.get(), ""), "name");
        }
        StringBuilder variant = new StringBuilder();
        String stripped = bare;
        Matcher m = PAREN.matcher(stripped);
        if (m.matches()) {
            stripped = m.group(1);
            prepend(variant, m.group(2).toLowerCase(Locale.ROOT));
        }
        m = UNDERSCORE.matcher(stripped);
        if (m.matches()) {
            stripped = m.group(1);
            prepend(variant, m.group(2).toLowerCase(Locale.ROOT));
        }
        m = EFFORT_BEFORE_DATE.matcher(stripped);
        if (m.matches()) {
            stripped = m.group(1) + m.group(3);
            prepend(variant, m.group(2));
        }
        while ((m = DASH.matcher(stripped)).matches()) {
            stripped = m.group(1);
            prepend(variant, m.group(2));
        }
        if (stripped.equals(bare)) {
            return null;
        }
        String withoutMarkers = stripped;
        return catalog.find(withoutMarkers).map(model -> new Placed(model.id(), snapshot(withoutMarkers, model, variant.toString()), "stripped"))
                .orElse(null);
    }

    /**
     * A dated snapshot that the catalog folds into its undated model ({@code claude-3-5-sonnet-20241022} into
     * {@code claude-3.5-sonnet}) is scored as itself: its date joins the variant, so two snapshots' scores never
     * become one model's two scores for one benchmark.
     */
    private static String snapshot(String name, Model model, String variant) {
        Matcher date = SNAPSHOT_DATE.matcher(name);
        if (ModelIdentity.undatedKey(name) == null || ModelIdentity.key(name).equals(ModelIdentity.key(model.id())) || !date.find()) {
            return variant;
        }
        String snapshot = "snapshot " + date.group(1);
        return variant.isEmpty() ? snapshot : snapshot + "; " + variant;
    }

    private static void prepend(StringBuilder v, String part) {
        v.insert(0, v.length() > 0 ? part + " " : part);
    }
}
