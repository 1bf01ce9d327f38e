package io.modelatlas.catalog.history;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.history.CatalogChange.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between two catalogs, as a refresh reports it: new and removed models, then every price, limit and
 * status that differs on the models both hold. A new model's own prices are not listed again.
 */
public final class CatalogChanges {
    private CatalogChanges() {}

    /** The changes from catalog {@code before} to {@code after}, dated {@code observed}. */
    public static List<CatalogChange> between(Catalog before, Catalog after, LocalDate observed) {
        return between(ids(before), Observations.of(before), ids(after), Observations.of(after), observed);
    }

    private static Set<String> ids(Catalog c) {
        return c.models().stream().map(Model::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The same from observations alone (as the store's history holds them): a model is there while a field of it is. */
    public static List<CatalogChange> between(Map<FieldKey, Observation> before, Map<FieldKey, Observation> after, LocalDate observed) {
        return between(models(before), before, models(after), after, observed);
    }

    private static List<CatalogChange> between(Set<String> modelsBefore, Map<FieldKey, Observation> before, Set<String> modelsAfter,
                                               Map<FieldKey, Observation> after, LocalDate observed) {
        List<CatalogChange> out = new ArrayList<>();
        for (String id : modelsAfter) {
            if (!modelsBefore.contains(id)) {
                out.add(new CatalogChange(observed, Kind.NEW_MODEL, id, "", "model", null, id));
            }
        }
        for (String id : modelsBefore) {
            if (!modelsAfter.contains(id)) {
                out.add(new CatalogChange(observed, Kind.REMOVED_MODEL, id, "", "model", id, null));
            }
        }
        Set<FieldKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (FieldKey key : keys) {
            if (!modelsBefore.contains(key.modelId()) || !modelsAfter.contains(key.modelId())) {
                continue;
            }
            String was = value(before.get(key));
            String now = value(after.get(key));
            if (!java.util.Objects.equals(was, now)) {
                out.add(new CatalogChange(observed, kindOf(key), key.modelId(), key.offering(), key.field(), was, now));
            }
        }
        out.sort(Comparator.comparing(CatalogChange::kind).thenComparing(CatalogChange::modelId)
                .thenComparing(CatalogChange::offering).thenComparing(CatalogChange::field));
        return List.copyOf(out);
    }

    private static Kind kindOf(FieldKey key) {
        if (!key.offering().isEmpty()) {
            return Kind.PRICE;
        }
        return key.field().equals(Observations.STATUS) ? Kind.STATUS : Kind.LIMIT;
    }

    private static String value(Observation o) {
        return o == null ? null : o.value();
    }

    private static Set<String> models(Map<FieldKey, Observation> observations) {
        return observations.keySet().stream().map(FieldKey::modelId).collect(Collectors.toCollection(TreeSet::new));
    }
}
