package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** JSON merge patches (RFC 7386): how operators' corrections apply over the curated overlay. */
final class MergePatch {
    private MergePatch() {}

    /** RFC 7386: objects merge member by member, null removes a member, anything else replaces. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), apply(out.get(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    /**
     * One patch with the effect of {@code first} then {@code second}. Unlike {@link #apply}, nulls are kept, so that a
     * stored correction still removes a field of the overlay file it is applied to.
     */
    static JsonNode combine(JsonNode first, JsonNode second) {
        if (first == null || !first.isObject() || second == null || !second.isObject()) {
            return second == null ? first : second.deepCopy();
        }
        ObjectNode out = ((ObjectNode) first).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = second.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode before = out.get(e.getKey());
            out.set(e.getKey(), before != null && before.isObject() && e.getValue().isObject() ? combine(before, e.getValue()) : e.getValue().deepCopy());
        }
        return out;
    }
}
