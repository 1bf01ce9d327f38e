package io.modelatlas.cli;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    @Option(names = "--sort", defaultValue = "id", description = "id, input-price, context or release (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE}); 0 for all.")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    ModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Model> models = filtered(context.catalog().get().models().stream()).sorted(order()).toList();
        List<Model> shown = limit > 0 ? models.stream().limit(limit).toList() : models;
        switch (format) {
            case TEXT -> printText(shown, models.size());
            case JSON -> context.out().println(JsonOutput.models(shown, models.size()));
            default -> throw new UsageException("--format must be text or json for models");
        }
        return Main.OK;
    }

    private Stream<Model> filtered(Stream<Model> models) {
        if (search != null) {
            String s = search.toLowerCase(Locale.ROOT);
            models = models.filter(m -> m.id().toLowerCase(Locale.ROOT).contains(s) || m.displayName().toLowerCase(Locale.ROOT).contains(s));
        }
        if (creator != null) {
            models = models.filter(m -> m.creatorId().equalsIgnoreCase(creator));
        }
        if (provider != null) {
            models = models.filter(m -> m.offerings().stream().anyMatch(o -> o.provider().equalsIgnoreCase(provider)));
        }
        if (type != null) {
            ModelType t = parseEnum(ModelType.class, type, "--type");
            models = models.filter(m -> m.type() == t);
        }
        if (capability != null) {
            Capability c = parseEnum(Capability.class, capability, "--capability");
            models = models.filter(m -> m.supports(c).orElse(false));
        }
        if (minContext != null) {
            models = models.filter(m -> m.contextWindow() != null && m.contextWindow().value() >= minContext);
        }
        return models;
    }

    private Comparator<Model> order() {
        Comparator<Model> byId = Comparator.comparing(Model::id);
        return switch (sort) {
            case "id" -> byId;
            case "input-price" -> Comparator.comparing((Model m) -> m.prices().flatMap(s -> s.rate(PriceKind.INPUT)).map(r -> r.usdPerMillion()).orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byId);
            case "context" -> Comparator.comparing((Model m) -> m.contextWindow() == null ? null : m.contextWindow().value(),
                    Comparator.nullsLast(Comparator.<Long>reverseOrder())).thenComparing(byId);
            case "release" -> Comparator.comparing((Model m) -> m.releaseDate() == null ? null : m.releaseDate().value(),
                    Comparator.nullsLast(Comparator.<io.modelatlas.catalog.PartialDate>reverseOrder())).thenComparing(byId);
            default -> throw new UsageException("--sort must be id, input-price, context or release, got '" + sort + "'");
        };
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return e;
            }
        }
        throw new UsageException(option + " must be one of " + String.join(", ",
                Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ", got '" + text + "'");
    }

    private void printText(List<Model> shown, int total) {
        var out = context.out();
        out.printf("%-36s %-28s %-12s %-16s %12s %10s %10s%n", "ID", "NAME", "CREATOR", "TYPE", "CONTEXT", "INPUT/1M", "OUTPUT/1M");
        for (Model m : shown) {
            PriceSheet s = m.prices().orElse(null);
            out.printf("%-36s %-28s %-12s %-16s %12s %10s %10s%n", clip(m.id(), 36), clip(m.displayName(), 28), clip(m.creatorId(), 12),
                    m.type().jsonName(), m.contextWindow() == null ? "—" : Format.count(m.contextWindow().value()),
                    price(s, PriceKind.INPUT), price(s, PriceKind.OUTPUT));
        }
        out.printf("%d of %d models%n", shown.size(), total);
    }

    private static String price(PriceSheet s, PriceKind kind) {
        return s == null ? "unknown" : s.rate(kind).map(r -> Format.usd(r.usdPerMillion())).orElse("—");
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
