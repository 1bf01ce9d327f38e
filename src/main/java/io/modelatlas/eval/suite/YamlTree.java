package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link Node}s that keep their line numbers; a key written twice is an error, not a silent overwrite. */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    Node read(Reader in) {
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SuiteFormatException(file, 1, null, "the file is empty");
            }
            return node(p, "");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SuiteFormatException(file, line, null, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SuiteFormatException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private Node node(JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
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
