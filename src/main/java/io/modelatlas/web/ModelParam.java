package io.modelatlas.web;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.ComparisonPaths;
import java.util.Arrays;
import java.util.List;

/** Model names in path and query parameters, resolved the one way every route does (ids, provider/id, names). */
final class ModelParam {
    private ModelParam() {}

    /**
     * The model a path or query parameter names. Javalin has already percent-decoded it once; decoding again would
     * read {@code %2541} as {@code A} and fail on {@code %25zz}.
     */
    static Model resolve(Catalog catalog, String raw, String param) {
        try {
            return catalog.require(ComparisonPaths.unslug(raw));
        } catch (UnknownModelException e) {
            throw new UnknownModelParameterException(param, e);
        }
    }

    /** A comma-separated list of 2 to 5 models, in the order given. */
    static List<Model> list(Catalog catalog, String raw, String param) {
        if (raw == null) {
            throw new BadParameterException(param, "query parameter '" + param + "' is required: 2 to 5 comma-separated model ids");
        }
        List<String> ids = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (ids.size() < Comparer.MIN_MODELS || ids.size() > Comparer.MAX_MODELS) {
            throw new BadParameterException(param, "query parameter '" + param + "' needs 2 to 5 model ids, got " + ids.size());
        }
        List<Model> models = ids.stream().map(id -> resolve(catalog, id, param)).toList();
        if (models.stream().map(Model::id).distinct().count() != models.size()) {
            throw new BadParameterException(param, "query parameter '" + param + "' names one model twice: "
                    + String.join(", ", models.stream().map(Model::id).toList()));
        }
        return models;
    }
}
