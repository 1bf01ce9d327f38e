package io.modelatlas.replay;

import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a log says it was charged beside what its requests cost, exactly, on the model each was recorded on: the
 * sums, and the requests whose logged cost is off by more than {@link #TOLERANCE} of the exact one (a stale price
 * map, float cost tracking, a discount). A request whose model has no known price is counted, not compared.
 */
final class LoggedCostCheck {
    /** 1%: rounding of a float cost is far below it; a price change is far above it. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    /** The first mismatches are listed; all are counted. */
    static final int LISTED = 20;

    private final Function<String, Optional<PriceSheet>> sheetOfModel;
    private final Map<String, Optional<PriceSheet>> sheets = new HashMap<>();
    private final Map<String, BigDecimal[]> flatRates = new HashMap<>();
    private BigDecimal loggedUsd = BigDecimal.ZERO;
    private BigDecimal comparedLoggedUsd = BigDecimal.ZERO;
    private BigDecimal exactUsd = BigDecimal.ZERO;
    private long withCost;
    private long compared;
    private long mismatches;
    private final List<LoggedCostMismatch> listed = new ArrayList<>();

    /** @param sheetOfModel the price sheet of a model name as the log writes it, if the catalog knows one */
    LoggedCostCheck(Function<String, Optional<PriceSheet>> sheetOfModel) {
        this.sheetOfModel = sheetOfModel;
    }

    void check(LoggedRequest r, long line) {
        if (r.loggedUsd() == null) {
            return;
        }
        withCost += r.requests();
        loggedUsd = loggedUsd.add(r.loggedUsd());
        PriceSheet sheet = r.model() == null ? null : sheets.computeIfAbsent(r.model(), sheetOfModel).orElse(null);
        if (sheet == null) {
            return;
        }
        BigDecimal exact;
        try {
            BigDecimal[] flat = sheet.tiers().isEmpty() ? flatRates.computeIfAbsent(r.model(), m -> flatRates(sheet)) : null;
            if (flat != null) {
                exact = exact(flat, r.inputTokens() - r.cachedInputTokens(), r.cachedInputTokens(), r.outputTokens());
            } else {
                Usage usage = Usage.of(r.inputTokens(), r.cachedInputTokens(), r.outputTokens());
                exact = CostCalculator.price(sheet, usage, ServiceTier.STANDARD, r.inputTokens() / r.requests()).totalUsd();
            }
        } catch (PriceUnknownException e) {
            return;
        }
        compared += r.requests();
        comparedLoggedUsd = comparedLoggedUsd.add(r.loggedUsd());
        exactUsd = exactUsd.add(exact);
        BigDecimal off = r.loggedUsd().subtract(exact).abs();
        if (off.compareTo(exact.multiply(TOLERANCE)) > 0) {
            mismatches++;
            if (listed.size() < LISTED) {
                listed.add(new LoggedCostMismatch(line, r.id(), r.model(), r.loggedUsd(), exact));
            }
        }
    }

    /** Adds the check of the part of the same log that follows this one's: sums add up, mismatches listed in line order. */
    void merge(LoggedCostCheck later) {
        loggedUsd = loggedUsd.add(later.loggedUsd);
        comparedLoggedUsd = comparedLoggedUsd.add(later.comparedLoggedUsd);
        exactUsd = exactUsd.add(later.exactUsd);
        withCost += later.withCost;
        compared += later.compared;
        mismatches += later.mismatches;
        for (LoggedCostMismatch m : later.listed) {
            if (listed.size() < LISTED) {
                listed.add(m);
            }
        }
    }

    private static final long MILLION = 1_000_000;

    /**
     * Without long-context tiers, a sheet's cost is linear in each kind of token: the price of a million of each
     * (from CostCalculator, so its fallbacks apply; null where the sheet has none) prices a request with three
     * multiplications, the same exact amount CostCalculator's lines add up to.
     */
    private static BigDecimal[] flatRates(PriceSheet sheet) {
        return new BigDecimal[] {unit(sheet, Usage.of(MILLION, 0, 0)), unit(sheet, Usage.of(MILLION, MILLION, 0)), unit(sheet, Usage.of(0, MILLION))};
    }

    private static BigDecimal unit(PriceSheet sheet, Usage million) {
        try {
            return CostCalculator.price(sheet, million, ServiceTier.STANDARD).totalUsd();
        } catch (PriceUnknownException e) {
            return null;
        }
    }

    private static BigDecimal exact(BigDecimal[] rates, long uncached, long cached, long output) {
        long[] tokens = {uncached, cached, output};
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 3; k++) {
            if (tokens[k] == 0) {
                continue;
            }
            if (rates[k] == null) {
                throw new PriceUnknownException("no price for this kind of token");
            }
            sum = sum.add(rates[k].multiply(BigDecimal.valueOf(tokens[k])));
        }
        return sum.movePointLeft(6);
    }

    /** Whether the log carried any cost at all (else the report has no logged-cost section). */
    boolean any() {
        return withCost > 0;
    }

    BigDecimal loggedUsd() {
        return loggedUsd;
    }

    BigDecimal comparedLoggedUsd() {
        return comparedLoggedUsd;
    }

    BigDecimal exactUsd() {
        return exactUsd;
    }

    long withCost() {
        return withCost;
    }

    long compared() {
        return compared;
    }

    long mismatches() {
        return mismatches;
    }

    List<LoggedCostMismatch> listed() {
        return List.copyOf(listed);
    }
}
