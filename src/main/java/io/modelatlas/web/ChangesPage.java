package io.modelatlas.web;

import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.RecordedChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code changes/page.jte} prints: the recorded changes grouped by the day they were observed, newest day
 * first, each in words with the value before and after and the source that gave it.
 *
 * @param truncated true when older changes exist than the page shows (the API's {@code since} reaches them)
 */
public record ChangesPage(Meta meta, List<Day> days, int count, boolean truncated) {
    /** Changes shown on the page; older ones are in the API. */
    static final int LIMIT = 1_000;

    public record Day(LocalDate observed, List<Line> lines) {}

    /**
     * One change. {@code href} is the model page, or null for a model whose id cannot be a link (and for a removed
     * model, whose page is gone).
     */
    public record Line(String modelId, String href, String what, String before, String after, boolean hasValues, String source, long version) {}

    static ChangesPage of(WebContext ctx, List<RecordedChange> changes, boolean truncated) {
        Map<LocalDate, List<Line>> byDay = new LinkedHashMap<>();
        for (RecordedChange r : changes) {
            CatalogChange c = r.change();
            boolean gone = c.kind() == CatalogChange.Kind.REMOVED_MODEL || ctx.catalog().byId(c.modelId()).isEmpty();
            boolean values = c.kind() != CatalogChange.Kind.NEW_MODEL && c.kind() != CatalogChange.Kind.REMOVED_MODEL;
            byDay.computeIfAbsent(c.observed(), d -> new ArrayList<>()).add(new Line(c.modelId(),
                    gone || !Links.linkable(c.modelId()) ? null : Links.model(c.modelId()), ChangeText.what(c),
                    ChangeText.before(c), ChangeText.after(c), values, r.source(), r.version()));
        }
        List<Day> days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue()))).toList();
        String description = changes.isEmpty() ? "No change to the catalog has been recorded yet."
                : changes.size() + (truncated ? " most recent" : "") + " changes to prices, limits, status and models over " + days.size()
                + (days.size() == 1 ? " day" : " days") + ", each with the value before and after and its source.";
        return new ChangesPage(new Meta("Catalog changes — prices, limits and models | ModelAtlas", description, ctx.baseUrl() + "/changes", null),
                days, changes.size(), truncated);
    }
}
