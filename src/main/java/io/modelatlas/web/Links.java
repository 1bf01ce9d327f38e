package io.modelatlas.web;

import io.modelatlas.compare.UrlText;

/** Site paths of things named by data; templates use these rather than gluing ids into URLs. */
public final class Links {
    private Links() {}

    public static String model(String id) {
        return "/models/" + UrlText.encode(id);
    }

    public static String modelHistoryApi(String id) {
        return "/api/v1/models/" + UrlText.encode(id) + "/history";
    }
}
