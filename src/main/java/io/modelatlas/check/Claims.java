package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import java.util.List;

/** Builds claims the same way for every finder: 1-based columns, and no "wrong" against data newer than the article. */
final class Claims {
    private Claims() {}

    static Claim of(CheckContext ctx, int line, int start, int end, ClaimKind kind, List<Model> models, String stated, String actual,
                    Verdict verdict, String correction, List<Provenance> sources) {
        String text = ctx.article().line(line).substring(start, Math.min(end, ctx.article().line(line).length())).strip();
        if (verdict == Verdict.WRONG && sources.stream().anyMatch(ctx::tooNew)) {
            // a 2024 article is not wrong for missing a 2026 price change: without history for its date, say so
            return new Claim(line, start + 1, text, kind, ids(models), stated,
                    actual + " (catalog data is newer than " + ctx.asOf() + "; no history for that date)", Verdict.UNCHECKED, null, sources);
        }
        if (actual != null && ctx.asOf() != null && sources.stream().anyMatch(p -> p.key().contains(ModelsAsOf.HISTORY_KEY))) {
            actual = actual + " as of " + ctx.asOf(); // the source names the span the price held
        }
        return new Claim(line, start + 1, text, kind, ids(models), stated, actual, verdict, verdict == Verdict.WRONG ? correction : null, sources);
    }

    private static List<String> ids(List<Model> models) {
        return models.stream().map(Model::id).distinct().toList();
    }
}
