package io.modelatlas.catalog.snapshot;

import io.modelatlas.api.Json;
import io.modelatlas.api.LeaderboardJson;
import io.modelatlas.api.ModelJson;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Model;

/** A canonical full dump of a catalog, to compare two catalogs byte for byte. */
public final class CatalogDump {
    private CatalogDump() {}

    /**
     * Everything the catalog tells: each model's API JSON (facts with provenance and disagreements, offerings with
     * price sheets, tiers and service tiers, limits, status, benchmarks, versions) with its leaderboard scores, the
     * sources, and every leaderboard with every score.
     */
    public static String of(Catalog c) {
        StringBuilder out = new StringBuilder();
        out.append(Json.write(c.sources())).append('\n');
        for (Model m : c.models()) {
            out.append(Json.write(ModelJson.from(m, c))).append('\n');
            out.append(Json.write(LeaderboardJson.ofModel(m.id(), c.leaderboards()))).append('\n');
        }
        out.append(Json.write(LeaderboardJson.list(c.leaderboards()))).append('\n');
        for (Leaderboard b : c.leaderboards().benchmarks()) {
            out.append(Json.write(LeaderboardJson.detail(b, c))).append('\n');
        }
        return out.toString();
    }
}
