package io.modelatlas.web;

import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.compare.Format;

/**
 * A change in words, as the changes page and the Atom feed say it: what changed, then the value before and after,
 * formatted the way the price history shows values (money rounded once, here).
 */
final class ChangeText {
    private ChangeText() {}

    /** What changed, without the values: "Input price on openai/gpt-4.1-mini", "New model", "Context window". */
    static String what(CatalogChange c) {
        return switch (c.kind()) {
            case NEW_MODEL -> "New model";
            case REMOVED_MODEL -> "Removed from the catalog";
            case MOVED -> "Offering " + c.offering() + " moved between models";
            case PRICE -> label(c.field()) + " price on " + c.offering();
            case LIMIT, STATUS -> label(c.field());
        };
    }

    /** The value before, formatted; "none" when the field had none. Model ids as they are for new, removed and moved. */
    static String before(CatalogChange c) {
        return value(c, c.before());
    }

    static String after(CatalogChange c) {
        return value(c, c.after());
    }

    /** One line: "gpt-4.1-mini: Input price on openai/gpt-4.1-mini: $0.40 / 1M tokens -> $0.35 / 1M tokens". */
    static String sentence(CatalogChange c) {
        return switch (c.kind()) {
            case NEW_MODEL -> "New model " + c.modelId();
            case REMOVED_MODEL -> c.modelId() + " removed from the catalog";
            case MOVED -> c.modelId() + ": offering " + c.offering() + " moved from " + c.before() + " to " + c.after();
            default -> c.modelId() + ": " + what(c) + ": " + before(c) + " -> " + after(c);
        };
    }

    private static String value(CatalogChange c, String v) {
        if (v == null) {
            return "none";
        }
        return switch (c.kind()) {
            case NEW_MODEL, REMOVED_MODEL, MOVED -> v;
            default -> Format.historyValue(new HistoryEntry(new FieldKey(c.modelId(), c.offering(), c.field()), v, "", c.observed(), null));
        };
    }

    /** "batch.cached_input" as "Batch cached input", "input>200000" as "Input above 200000 tokens". */
    private static String label(String field) {
        String f = field.replace(">", " above ").replace('_', ' ').replace('.', ' ');
        if (field.contains(">")) {
            f += " tokens";
        }
        return f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }
}
