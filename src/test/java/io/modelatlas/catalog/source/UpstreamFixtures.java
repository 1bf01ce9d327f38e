package io.modelatlas.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The upstream files copied under {@code src/test/resources/leaderboards/upstream/<source>/} and the bundled tidy rows. */
final class UpstreamFixtures {
    private static final String DIR = "/leaderboards/upstream/";

    private UpstreamFixtures() {}

    /** The fixture files as a fetch would hand them over: by upstream path, each stored under its file name. */
    static Map<String, byte[]> files(String source, List<String> paths) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : paths) {
            files.put(path, bytes(DIR + source + "/" + path.substring(path.lastIndexOf('/') + 1)));
        }
        return files;
    }

    static Map<String, byte[]> file(String path, String text) {
        return Map.of(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fixture's text with {@code from} replaced once by {@code to}; fails when {@code from} is not there. */
    static Map<String, byte[]> edited(String source, String path, String from, String to) {
        String text = new String(files(source, List.of(path)).get(path), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new AssertionError(path + " does not contain " + from);
        }
        return file(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    static byte[] bundled(String source) {
        return LeaderboardTable.bundledBytes(source + ".csv");
    }

    /** The lines of a tidy CSV, header first. */
    static List<String> lines(byte[] csv) {
        return new ArrayList<>(List.of(new String(csv, StandardCharsets.UTF_8).split("\n")));
    }

    /** A fixture's bytes; a large one is stored gzipped as {@code <name>.gz} and handed over unpacked. */
    private static byte[] bytes(String resource) {
        try (InputStream in = UpstreamFixtures.class.getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream gz = UpstreamFixtures.class.getResourceAsStream(resource + ".gz")) {
            if (gz == null) {
                throw new AssertionError("missing test resource " + resource + " (or " + resource + ".gz)");
            }
            return new GZIPInputStream(gz).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
