package io.modelatlas.check;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.history.DatedHistory;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model as the history says it was sold on a past day: each offering's price sheet is rebuilt from the values its
 * fields held that day (the field names of {@link io.modelatlas.catalog.history.Observations}). An offering the
 * history knows nothing of for that day keeps today's sheet, whose newer date then keeps its claims unchecked.
 * The rebuilt sheet's provenance is dated the day its values started to hold and names the span, so that a report
 * says which fact a claim was judged against.
 */
final class ModelsAsOf {
    /** Marks a provenance built from history, for the report's wording. */
    static final String HISTORY_KEY = " price history, valid ";

    private ModelsAsOf() {}

    /**
     * {@code observed} is the store's history of the model (empty without a store); the provider-dated prices its
     * offerings carry join it as they do wherever history is shown ({@link DatedHistory}), so an article is judged by
     * the price the provider's own page dates to its day, with or without a store.
     */
    static Model at(Model m, LocalDate date, List<HistoryEntry> observed) {
        List<HistoryEntry> history = DatedHistory.merge(m, observed);
        if (history.isEmpty()) {
            return m;
        }
        Map<String, List<HistoryEntry>> byOffering = new HashMap<>();
        for (HistoryEntry e : history) {
            if (heldOn(e, date) && !e.key().offering().isEmpty()) {
                byOffering.computeIfAbsent(e.key().offering(), k -> new ArrayList<>()).add(e);
            }
        }
        // a field the provider dates and the store observed differently on the same day: the provider's date is the better evidence
        byOffering.values().forEach(entries -> entries.sort(Comparator.comparing(e -> e.dating().fromProvider() || e.dating().toProvider())));
        if (byOffering.isEmpty()) {
            return m;
        }
        List<Offering> offerings = new ArrayList<>();
        for (Offering o : m.offerings()) {
            List<HistoryEntry> then = byOffering.get(o.qualifiedId());
            Fact<PriceSheet> past = then == null ? null : sheet(then, date);
            offerings.add(past == null ? o : new Offering(o.provider(), o.apiModelId(), past, o.contextWindow(), o.maxOutputTokens(), o.priceNote(), o.datedPrices()));
        }
        return new Model(m.id(), m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.aliases(), m.type(), m.description(),
                m.releaseDate(), m.knowledgeCutoff(), m.inputModalities(), m.outputModalities(), m.contextWindow(), m.maxInputTokens(),
                m.maxOutputTokens(), m.capabilities(), m.endpoints(), m.status(), m.benchmarks(), m.strengths(), m.bestFor(), offerings,
                m.tokenizer());
    }

    /** The sheet the fields held, or null when none of them is a price this checker reads. */
    private static Fact<PriceSheet> sheet(List<HistoryEntry> entries, LocalDate date) {
        Map<String, PriceSheet.Builder> byTier = new HashMap<>();
        LocalDate from = null;
        boolean held = false;
        LocalDate to = null;
        String source = null;
        String offering = null;
        for (HistoryEntry e : entries) {
            String field = e.key().field();
            String tier = "";
            int dot = field.indexOf('.');
            if (dot > 0 && !field.startsWith("image.")) {
                tier = field.substring(0, dot);
                field = field.substring(dot + 1);
            }
            PriceSheet.Builder b = byTier.computeIfAbsent(tier, t -> PriceSheet.builder());
            if (!apply(b, field, e.value())) {
                continue;
            }
            from = e.validFrom() == null ? from : from == null || e.validFrom().isAfter(from) ? e.validFrom() : from;
            held = true;
            to = e.validTo() == null ? to : to == null || e.validTo().isBefore(to) ? e.validTo() : to;
            source = source == null ? e.source() : source;
            offering = e.key().offering();
        }
        PriceSheet.Builder standard = byTier.getOrDefault("", PriceSheet.builder());
        byTier.forEach((tier, b) -> {
            if (!tier.isEmpty()) {
                for (ServiceTier t : ServiceTier.values()) {
                    if (t.jsonName().equals(tier)) {
                        standard.serviceTier(t, b.build());
                    }
                }
            }
        });
        PriceSheet sheet = standard.build();
        if (!held || sheet.isEmpty() && sheet.serviceTiers().isEmpty()) {
            return null;
        }
        // a provider's oldest price has no start on its page: it held on the article's day, which then dates the fact
        return Fact.of(sheet, new Provenance(source, offering + HISTORY_KEY + (from == null ? "(start unknown)" : from) + " to "
                + (to == null ? "now" : to), from == null ? date : from));
    }

    /** A provider's price with no known start held until its end: the price before its first dated change. */
    private static boolean heldOn(HistoryEntry e, LocalDate date) {
        return (e.validFrom() == null || !e.validFrom().isAfter(date)) && (e.validTo() == null || e.validTo().isAfter(date));
    }

    /** Reads one field ({@code input}, {@code input>200000}, {@code image.high.1024x1024}); false for what it does not know. */
    private static boolean apply(PriceSheet.Builder b, String field, String value) {
        BigDecimal usd;
        try {
            usd = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return false;
        }
        if (field.startsWith("image.")) {
            String[] parts = field.split("\\.", 3);
            if (parts.length != 3) {
                return false;
            }
            b.image(new ImagePrice(parts[1].equals("any") ? null : parts[1], parts[2].equals("any") ? null : parts[2], usd));
            return true;
        }
        int gt = field.indexOf('>');
        String kindName = gt < 0 ? field : field.substring(0, gt);
        for (PriceKind k : PriceKind.values()) {
            if (k.jsonName().equals(kindName.toLowerCase(Locale.ROOT))) {
                if (gt < 0) {
                    b.rate(k, TokenRate.perMillion(usd));
                    return true;
                }
                try {
                    b.tier(k, Long.parseLong(field.substring(gt + 1)), TokenRate.perMillion(usd));
                    return true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
