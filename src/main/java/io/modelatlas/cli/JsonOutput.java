package io.modelatlas.cli;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Comparison;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.Usage;
import java.util.List;

/** JSON output of the commands, through the same contract as the web API. */
final class JsonOutput {
    private JsonOutput() {}

    static String comparison(Comparison c) {
        throw new UsageException("json output is not wired yet");
    }

    static String cost(Model m, Offering o, Usage u, Cost c) {
        throw new UsageException("json output is not wired yet");
    }

    static String models(List<Model> shown, int total) {
        throw new UsageException("json output is not wired yet");
    }

    static String model(Model m) {
        throw new UsageException("json output is not wired yet");
    }
}
