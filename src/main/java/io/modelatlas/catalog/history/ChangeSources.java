package io.modelatlas.catalog.history;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which source a change came from, read from the observations on either side of it: the source of the new value, or
 * of the old one for what is gone. A new, removed or moved model names every source its fields came from, since the
 * feed says where a reader can check it.
 */
public final class ChangeSources {
    private final Map<FieldKey, Observation> before;
    private final Map<FieldKey, Observation> after;
    private final Map<String, Set<String>> byModelBefore;
    private final Map<String, Set<String>> byModelAfter;
    private final Map<String, Set<String>> byOfferingAfter;

    public ChangeSources(Map<FieldKey, Observation> before, Map<FieldKey, Observation> after) {
        this.before = before;
        this.after = after;
        this.byModelBefore = index(before, false);
        this.byModelAfter = index(after, false);
        this.byOfferingAfter = index(after, true);
    }

    public String of(CatalogChange c) {
        FieldKey key = new FieldKey(c.modelId(), c.offering(), c.field());
        Observation o = after.containsKey(key) ? after.get(key) : before.get(key);
        if (o != null) {
            return o.source();
        }
        Set<String> sources = switch (c.kind()) {
            case REMOVED_MODEL -> byModelBefore.get(c.modelId());
            case MOVED -> byOfferingAfter.get(c.offering());
            default -> byModelAfter.getOrDefault(c.modelId(), byModelBefore.get(c.modelId()));
        };
        return sources == null || sources.isEmpty() ? "unknown" : String.join(", ", sources);
    }

    private static Map<String, Set<String>> index(Map<FieldKey, Observation> observations, boolean byOffering) {
        Map<String, Set<String>> out = new HashMap<>();
        observations.values().forEach(o -> {
            String k = byOffering ? o.key().offering() : o.key().modelId();
            if (!k.isEmpty()) {
                out.computeIfAbsent(k, x -> new TreeSet<>()).add(o.source());
            }
        });
        return out;
    }
}
