package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link Node}s that keep their line numbers; a key written twice is an error, not a silent overwrite.
 * A suite is a small hand-written file, so the limits are tight: at most {@link #MAX_CHARS} characters and
 * {@link #MAX_DEPTH} levels of nesting, and no aliases at all (Jackson would read {@code *name} as the text "name",
 * and aliases are how a "billion laughs" document multiplies itself).
 */
final class YamlTree {
    /** Far more than a suite of hand-written cases; recorded requests go in a JSONL file ({@code cases_from}). */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(limits())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    /**
     * SnakeYAML's own limits, set here rather than left to its defaults. Its scanner enforces the code point limit; the
     * alias and depth limits guard its composer, which Jackson does not use, so {@link #node} and the stream read
     * constraints enforce those.
     */
    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        return options;
    }

    Node read(Reader in) {
        JsonParser p = null;
        try {
            p = YAML.createParser(in);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SuiteFormatException(file, 1, null, "the file is empty");
            }
            return node(p, "");
        } catch (StreamConstraintsException e) {
            // this exception carries no location; the parser is where the limit was passed
            throw new SuiteFormatException(file, p.currentLocation().getLineNr(), null, "nested more than " + MAX_DEPTH + " levels deep");
        } catch (JsonProcessingException e) {
            throw new SuiteFormatException(file, line(e), null, "not valid YAML: " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SuiteFormatException(file, 0, null, "cannot read: " + e.getMessage());
        } finally {
            close(p);
        }
    }

    private static void close(JsonParser p) {
        try {
            if (p != null) {
                p.close();
            }
        } catch (IOException e) {
            // reading a String: nothing to release
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * The parser's first line, without the SnakeYAML class names it puts in some messages
     * ({@code <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, ...)>} becomes "a list").
     */
    static String plain(String message) {
        String first = message.lines().findFirst().orElse("");
        return first.replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.SequenceStartEvent[^>]*>", "a list")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.MappingStartEvent[^>]*>", "a mapping")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event[^>]*>", "$1")
                .replaceAll("org\\.yaml\\.snakeyaml\\.[\\w.$]+", "YAML");
    }

    private Node node(JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (((YAMLParser) p).isCurrentAlias()) {
            throw new SuiteFormatException(file, line, path, "YAML aliases (*name) are not supported; write the value out");
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                String childPath = path.isEmpty() ? key : path + "." + key;
                p.nextToken();
                Node child = node(p, childPath);
                if (map.putIfAbsent(key, child) != null) {
                    throw new SuiteFormatException(file, keyLine, childPath, "written twice (first on line " + map.get(key).line() + ")");
                }
            }
            return new Node(map, line, path);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(node(p, path + "[" + list.size() + "]"));
            }
            return new Node(list, line, path);
        }
        return new Node(new Node.Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), t), line, path);
    }
}
