package io.modelatlas.cli;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.UnknownBenchmarkException;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.text.Clip;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "models", description = "List the catalog's models, filtered.")
final class ModelsCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--search", description = "Text in the id or name.")
    String search;

    @Option(names = "--creator", description = "Creator id, e.g. openai, anthropic.")
    String creator;

    @Option(names = "--provider", description = "Only models this provider sells, e.g. azure, openrouter.")
    String provider;

    @Option(names = "--type", description = "chat, completion, embedding, image_generation, ...")
    String type;

    @Option(names = "--capability", description = "Only models known to support it, e.g. function_calling, vision.")
    String capability;

    @Option(names = "--min-context", description = "Minimum context window in tokens.")
    Long minContext;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance (the creator's own current, priced models first), id, name, input-price, context, release or benchmark:ID (best score first, each model's best configuration; ids as in `benchmarks`) (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--scored-on", paramLabel = "ID", description = "Only models with a score on this benchmark (ids as in `benchmarks`).")
    String scoredOn;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE}); 0 for all.")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    ModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModelQuery query;
        try {
            query = new ModelQuery(search, creator, provider, type == null ? null : ModelQuery.parseEnum(ModelType.class, type, "--type"),
                    capability == null ? null : ModelQuery.parseEnum(Capability.class, capability, "--capability"), null, minContext, null, null,
                    scoredOn, ModelQuery.Order.parse(sort));
            context.catalog().get().requireBenchmark(query.order().benchmark());
            context.catalog().get().requireBenchmark(scoredOn);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (UnknownBenchmarkException e) {
            throw new UsageException(e.getMessage() + (e.suggestions().isEmpty() ? "" : "; did you mean " + String.join(", ", e.suggestions()) + "?"));
        }
        List<Model> models = query.apply(context.catalog().get());
        List<Model> shown = limit > 0 ? models.stream().limit(limit).toList() : models;
        switch (format) {
            case TEXT -> printText(shown, models.size(), query.order());
            case JSON -> context.out().println(JsonOutput.models(shown, models.size()));
            default -> throw new UsageException("--format must be text or json for models");
        }
        return Main.OK;
    }

    /** The listing; sorted by a benchmark, a last column shows each model's score on it. */
    private void printText(List<Model> shown, int total, ModelQuery.Order order) {
        var out = context.out();
        String score = order.benchmark() == null ? "" : " %s";
        out.printf("%-36s %-28s %-12s %-16s %12s %10s %10s" + score + "%n", "ID", "NAME", "CREATOR", "TYPE", "CONTEXT", "INPUT/1M", "OUTPUT/1M",
                order.benchmark());
        for (Model m : shown) {
            PriceSheet s = m.prices().orElse(null);
            out.printf("%-36s %-28s %-12s %-16s %12s %10s %10s" + score + "%n", Clip.clip(m.id(), 36), Clip.clip(m.displayName(), 28), Clip.clip(m.creatorId(), 12),
                    m.type().jsonName(), m.contextWindow() == null ? "—" : Format.count(m.contextWindow().value()),
                    price(s, PriceKind.INPUT), price(s, PriceKind.OUTPUT),
                    order.score(m, context.catalog().get().leaderboards()).map(Format::leaderboardScore).orElse("—"));
        }
        out.printf("%d of %d models%n", shown.size(), total);
    }

    private static String price(PriceSheet s, PriceKind kind) {
        return s == null ? "unknown" : s.rate(kind).map(r -> Format.usd(r.usdPerMillion())).orElse("—");
    }
}
