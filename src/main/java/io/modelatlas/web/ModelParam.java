package io.modelatlas.web;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.compare.ComparisonPaths;

/** Model names in path and query parameters, resolved the one way every route does (ids, provider/id, names); lists of them are {@link Params#modelList}. */
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
}
