package io.modelatlas.catalog.history;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.history.CatalogChange.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between two catalogs, as a refresh reports it: new and removed models, offerings that moved between
 * models, then every price, limit and status that differs. A price is followed by its offering, so an offering that
 * moves to a new model (a dated snapshot whose price no longer matches) is one move, not a price gone and a model's
 * prices come; the prices of a new model are not listed again.
 */
public final class CatalogChanges {
    private CatalogChanges() {}

    /** The changes from catalog {@code before} to {@code after}, dated {@code observed}. */
    public static List<CatalogChange> between(Catalog before, Catalog after, LocalDate observed) {
        return between(ids(before), Observations.of(before), ids(after), Observations.of(after), observed);
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
        // model-level fields of the models both catalogs hold
        Set<FieldKey> modelKeys = new TreeSet<>();
        before.keySet().stream().filter(k -> k.offering().isEmpty()).forEach(modelKeys::add);
        after.keySet().stream().filter(k -> k.offering().isEmpty()).forEach(modelKeys::add);
        for (FieldKey key : modelKeys) {
            if (modelsBefore.contains(key.modelId()) && modelsAfter.contains(key.modelId())) {
                compare(out, observed, key.field().equals(Observations.STATUS) ? Kind.STATUS : Kind.LIMIT, key.modelId(), key, before.get(key), key,
                        after.get(key));
            }
        }
        // prices, followed by offering
        Map<String, String> ownerBefore = owners(before);
        Map<String, String> ownerAfter = owners(after);
        Map<String, Set<String>> fieldsBefore = fieldsByOffering(before);
        Map<String, Set<String>> fieldsAfter = fieldsByOffering(after);
        for (String offering : new TreeSet<>(union(ownerBefore.keySet(), ownerAfter.keySet()))) {
            String was = ownerBefore.get(offering);
            String is = ownerAfter.get(offering);
            if (was == null && !modelsBefore.contains(is) || is == null && !modelsAfter.contains(was)) {
                continue; // comes with a new model, or goes with a removed one
            }
            if (was != null && is != null && !was.equals(is)) {
                out.add(new CatalogChange(observed, Kind.MOVED, is, offering, "offering", was, is));
            }
            Set<String> fields = new TreeSet<>(fieldsBefore.getOrDefault(offering, Set.of()));
            fields.addAll(fieldsAfter.getOrDefault(offering, Set.of()));
            for (String field : fields) {
                FieldKey b = was == null ? null : new FieldKey(was, offering, field);
                FieldKey a = is == null ? null : new FieldKey(is, offering, field);
                compare(out, observed, Kind.PRICE, is != null ? is : was, b, b == null ? null : before.get(b), a, a == null ? null : after.get(a));
            }
        }
        out.sort(Comparator.comparing(CatalogChange::kind).thenComparing(CatalogChange::modelId)
                .thenComparing(CatalogChange::offering).thenComparing(CatalogChange::field));
        return List.copyOf(out);
    }

    private static void compare(List<CatalogChange> out, LocalDate observed, Kind kind, String modelId, FieldKey beforeKey, Observation was,
                                FieldKey afterKey, Observation is) {
        String from = was == null ? null : was.value();
        String to = is == null ? null : is.value();
        if (!Objects.equals(from, to)) {
            FieldKey key = afterKey != null ? afterKey : beforeKey;
            out.add(new CatalogChange(observed, kind, modelId, key.offering(), key.field(), from, to));
        }
    }

    private static Map<String, Set<String>> fieldsByOffering(Map<FieldKey, Observation> observations) {
        Map<String, Set<String>> out = new HashMap<>();
        observations.keySet().stream().filter(k -> !k.offering().isEmpty())
                .forEach(k -> out.computeIfAbsent(k.offering(), o -> new TreeSet<>()).add(k.field()));
        return out;
    }

    /** Which model each offering is listed under. */
    private static Map<String, String> owners(Map<FieldKey, Observation> observations) {
        Map<String, String> out = new HashMap<>();
        observations.keySet().stream().filter(k -> !k.offering().isEmpty()).forEach(k -> out.put(k.offering(), k.modelId()));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> ids(Catalog c) {
        return c.models().stream().map(Model::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> models(Map<FieldKey, Observation> observations) {
        return observations.keySet().stream().map(FieldKey::modelId).collect(Collectors.toCollection(TreeSet::new));
    }
}
