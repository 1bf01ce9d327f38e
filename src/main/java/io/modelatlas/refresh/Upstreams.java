package io.modelatlas.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelatlas.catalog.source.LeaderboardUpstream;
import io.modelatlas.catalog.source.SourceSet;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each source's live file is fetched from. The defaults are built in; {@code $MODELATLAS_HOME/sources.toml}
 * may move any of them (a mirror, a pinned commit):
 *
 * <pre>
 * [litellm]
 * url = "https://mirror.example/model_prices_and_context_window.json"
 * </pre>
 *
 * A leaderboard's URL is a base: each of its upstream files ({@link LeaderboardUpstream#paths()}) is fetched from
 * there. By default it is the repository's default branch as GitHub serves raw files
 * ({@code https://raw.githubusercontent.com/<repo>/<branch>/}); {@code [livebench] url = "https://mirror/base/"} moves it.
 *
 * <p>{@code named} is true for sources an operator named ({@code refresh --source}): those are fetched even when the
 * catalog's data set has no copy of them yet, while a refresh of every source leaves out a source the data set does
 * not list (a data directory laid out before genai-prices was added).
 */
public record Upstreams(Map<String, URI> urls, boolean named) {
    /**
     * LiteLLM's cost map as GitHub serves the raw file; models.dev's api.json (the resolved shape ModelsDevSource reads,
     * as the bundled models-resolved.json is); OpenRouter's public model list; genai-prices' v2 feed, which its README
     * calls the live feed (its older prices/data.json is frozen).
     */
    public static final Map<String, URI> DEFAULTS = defaults();

    public Upstreams(Map<String, URI> urls) {
        this(urls, false);
    }

    public Upstreams {
        urls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(urls));
    }

    private static Map<String, URI> defaults() {
        Map<String, URI> d = new LinkedHashMap<>();
        d.put("litellm", URI.create("https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"));
        d.put("modelsdev", URI.create("https://models.dev/api.json"));
        d.put("openrouter", URI.create("https://openrouter.ai/api/v1/models"));
        d.put("genaiprices", URI.create("https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json"));
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The default base URL of each leaderboard that can be read from upstream, in {@link SourceSet#LEADERBOARDS} order. */
    public static Map<String, URI> leaderboardDefaults(Map<String, LeaderboardUpstream> leaderboards) {
        Map<String, URI> d = new LinkedHashMap<>();
        for (String board : SourceSet.LEADERBOARDS) {
            LeaderboardUpstream u = leaderboards.get(board);
            if (u != null) {
                d.put(board, URI.create("https://raw.githubusercontent.com/" + u.repo() + "/" + u.defaultRef() + "/"));
            }
        }
        return d;
    }

    /** {@link #read(Path, Map)} with every leaderboard that can be read from upstream ({@link LeaderboardUpstream#all()}). */
    public static Upstreams read(Path home) {
        return read(home, LeaderboardUpstream.all());
    }

    /**
     * The defaults (the price sources' and those of {@code leaderboards}) with the overrides of {@code home}'s
     * sources.toml, when there is one.
     *
     * @throws IllegalArgumentException naming the file, the key and what is wrong
     */
    public static Upstreams read(Path home, Map<String, LeaderboardUpstream> leaderboards) {
        Path file = home.resolve("sources.toml");
        Map<String, URI> urls = new LinkedHashMap<>(DEFAULTS);
        urls.putAll(leaderboardDefaults(leaderboards));
        List<String> known = known(leaderboards);
        if (!Files.isRegularFile(file)) {
            return new Upstreams(urls);
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid TOML: " + e.getMessage(), e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file + ": [" + e.getKey() + "]";
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException(where + ": unknown source; expected one of " + String.join(", ", known));
            }
            JsonNode url = e.getValue().get("url");
            if (url == null || !url.isTextual()) {
                throw new IllegalArgumentException(where + ".url: missing; expected url = \"https://...\"");
            }
            urls.put(e.getKey(), urlOf(e.getKey(), url.asText(), where + ".url", leaderboards));
        }
        return new Upstreams(urls);
    }

    /** The price sources, then the leaderboards {@code leaderboards} can read. */
    private static List<String> known(Map<String, LeaderboardUpstream> leaderboards) {
        List<String> known = new ArrayList<>(SourceSet.IMPORTABLE);
        known.addAll(leaderboardDefaults(leaderboards).keySet());
        return known;
    }

    /** A source's URL; a leaderboard's is a base its paths are resolved against, so it gets its final {@code /}. */
    private static URI urlOf(String source, String text, String what, Map<String, LeaderboardUpstream> leaderboards) {
        URI u = url(text, what);
        if (leaderboards.containsKey(source) && !u.getPath().endsWith("/")) {
            u = URI.create(u + "/");
        }
        return u;
    }

    /**
     * Only the sources named in {@code mirrors} ({@code NAME=URL} of {@code refresh --source}), each from its mirror.
     *
     * @throws IllegalArgumentException for an unknown source or a URL that is not http(s)
     */
    public static Upstreams only(Map<String, String> mirrors) {
        return only(mirrors, LeaderboardUpstream.all());
    }

    /**
     * Only the sources named in {@code mirrors}, each from its mirror; a leaderboard of {@code leaderboards} is named
     * with the base URL of its files.
     *
     * @throws IllegalArgumentException for an unknown source or a URL that is not http(s)
     */
    public static Upstreams only(Map<String, String> mirrors, Map<String, LeaderboardUpstream> leaderboards) {
        List<String> known = known(leaderboards);
        Map<String, URI> urls = new LinkedHashMap<>();
        mirrors.forEach((source, url) -> {
            if (!known.contains(source)) {
                throw new IllegalArgumentException("--source " + source + "=...: unknown source; expected one of " + String.join(", ", known));
            }
            urls.put(source, urlOf(source, url, "--source " + source, leaderboards));
        });
        return new Upstreams(urls, true);
    }

    /** An absolute http or https URL; {@code what} names where it came from in the error. */
    public static URI url(String text, String what) {
        try {
            URI u = new URI(text.trim());
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
                throw new IllegalArgumentException(what + ": expected an http:// or https:// URL, got '" + text + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + ": not a URL: " + e.getMessage(), e);
        }
    }

    /** Whether {@code text} is meant as a URL rather than a file name. */
    public static boolean isUrl(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }
}
