package io.modelatlas.web;

import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.UrlText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison builder's form, shown on {@code /compare} and under every comparison: one text field per model
 * ({@code m1} to {@code m5}, in the order picked) and the cache-hit percentage. It is a plain GET form, so it works
 * without JavaScript; {@code static/compare.js} adds suggestions and reordering on top.
 */
public record CompareForm(List<Slot> slots, String cacheHitPercent) {
    /** The query parameter of slot {@code n} (1-based). */
    static String param(int n) {
        return "m" + n;
    }

    /** A model field: what it holds, and when that names no model (or repeats one), the error and the closest models. */
    public record Slot(int number, String name, String value, String error, List<Pick> suggestions) {
        public Slot {
            suggestions = List.copyOf(suggestions);
        }

        public String label() {
            return "Model " + number + (number <= Comparer.MIN_MODELS ? "" : " (optional)");
        }

        public String errorId() {
            return error == null ? null : name + "-error";
        }
    }

    /** A model offered for a slot, with the builder URL that puts it there. */
    public record Pick(String id, String name, String href) {}

    /** The form filled with these values, in order, and no errors. */
    static CompareForm of(List<String> values, BigDecimal cacheHitRate) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < Comparer.MAX_MODELS; i++) {
            slots.add(new Slot(i + 1, param(i + 1), i < values.size() ? values.get(i) : null, null, List.of()));
        }
        return new CompareForm(slots, percentText(cacheHitRate));
    }

    /** The percentage as a form and URL shows it: {@code 50}, {@code 37.5}; empty for none. */
    static String percentText(BigDecimal rate) {
        return rate.signum() == 0 ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** {@code ?cache_hit=50} (or {@code &...} after a query), or nothing for no cache hits. */
    static String cacheHitQuery(String url, BigDecimal rate) {
        return rate.signum() == 0 ? url : url + (url.contains("?") ? "&" : "?") + "cache_hit=" + percentText(rate);
    }

    /** The builder URL with these slot values (blank ones left out) and the cache-hit share. */
    static String builderUrl(List<String> values, BigDecimal rate) {
        StringBuilder url = new StringBuilder("/compare");
        char sep = '?';
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                url.append(sep).append(param(i + 1)).append('=').append(UrlText.encode(values.get(i)));
                sep = '&';
            }
        }
        return cacheHitQuery(url.toString(), rate);
    }
}
