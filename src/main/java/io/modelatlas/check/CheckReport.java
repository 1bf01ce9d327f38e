package io.modelatlas.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every claim found in one article, in reading order, with the count of each verdict. */
public record CheckReport(String name, Article article, List<Claim> claims) {
    public CheckReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(article, "article");
        claims = List.copyOf(claims);
    }

    /** How many claims got each verdict; every verdict is present, zero when none got it. */
    public Map<Verdict, Integer> summary() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        claims.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        return counts;
    }

    public boolean anyWrong() {
        return claims.stream().anyMatch(c -> c.verdict() == Verdict.WRONG);
    }
}
