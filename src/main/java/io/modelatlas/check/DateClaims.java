package io.modelatlas.check;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.PartialDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knowledge cutoffs ("trained on data up to June 2024", "Knowledge cutoff / May–June 2024") and release dates
 * ("came out on April 14, 2025"). Sources often disagree on cutoffs (a month against a day): a claim that matches
 * one of them, or falls between them, is disputed, with every source shown.
 */
final class DateClaims {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    /** "June 2024", "May–June 2024", "May to June 2024", "April 14, 2025". */
    private static final Pattern DATE = Pattern.compile("(?i)\\b" + MONTH + "(?:\\s*(?:[-–—]|to)\\s*" + MONTH + ")?\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})\\b");
    private static final Pattern CUTOFF = Pattern.compile("(?i)knowledge\\s+cut-?off|training\\s+(?:data\\s+)?cut-?off|trained\\s+on\\s+data\\s+(?:up\\s+to|through|until)|knowledge\\s+(?:stops|ends|runs)|cut-?off\\s+date");
    private static final Pattern RELEASE = Pattern.compile("(?i)\\b(?:released|came\\s+out|launched|release\\s+date|debuted|announced)\\b");
    private static final Pattern CUTOFF_LABEL = Pattern.compile("(?i)^\\s*(?:knowledge\\s+cut-?off|training\\s+cut-?off)\\s*:?\\s*$");

    private DateClaims() {}

    private record Stated(int start, int end, YearMonth from, YearMonth to, Integer day, String text) {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        Article a = ctx.article();
        for (int n = 1; n <= a.lineCount(); n++) {
            String line = a.line(n);
            boolean labelled = n > 1 && (CUTOFF_LABEL.matcher(a.line(n - 1)).matches() || n > 2 && a.line(n - 1).isBlank() && CUTOFF_LABEL.matcher(a.line(n - 2)).matches());
            for (Article.Sentence s : a.sentences(n)) {
                String text = line.substring(s.start(), s.end());
                boolean cutoff = labelled || CUTOFF.matcher(text).find();
                boolean release = !cutoff && RELEASE.matcher(text).find();
                if (!cutoff && !release) {
                    continue;
                }
                Matcher m = DATE.matcher(text);
                while (m.find()) {
                    Stated d = stated(m, s.start());
                    if (release && d.day() == null) {
                        continue; // "released in 2024" style months are too loose to hold against a day
                    }
                    Optional<Model> subject = labelled ? ctx.pageModel() : ctx.subjectAt(n, d.start());
                    List<Model> candidates = labelled ? subject.map(List::of).orElse(List.of()) : ctx.candidates(subject.orElse(null), s);
                    out.add(judge(ctx, n, d, cutoff ? ClaimKind.KNOWLEDGE_CUTOFF : ClaimKind.RELEASE_DATE, candidates));
                }
            }
        }
        return out;
    }

    private static Stated stated(Matcher m, int offset) {
        Month first = month(m.group(1));
        Month second = m.group(2) == null ? first : month(m.group(2));
        int year = Integer.parseInt(m.group(4));
        Integer day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        return new Stated(offset + m.start(), offset + m.end(), YearMonth.of(year, first), YearMonth.of(year, second), day, m.group());
    }

    private static Month month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(n)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Claim judge(CheckContext ctx, int n, Stated d, ClaimKind kind, List<Model> candidates) {
        if (candidates.isEmpty()) {
            return Claims.of(ctx, n, d.start(), d.end(), kind, List.of(), d.text(), null, Verdict.UNCHECKED, null, List.of());
        }
        for (Model m : candidates) {
            Fact<PartialDate> f = kind == ClaimKind.KNOWLEDGE_CUTOFF ? m.knowledgeCutoff() : m.releaseDate();
            if (f == null) {
                continue;
            }
            List<PartialDate> values = new ArrayList<>();
            values.add(f.value());
            f.disagreements().forEach(x -> values.add(x.value()));
            boolean matches = values.stream().anyMatch(v -> agrees(d, v));
            if (!matches && !(f.disputed() && between(d, values))) {
                continue;
            }
            String actual = String.join("; ", values.stream().map(PartialDate::display).distinct().toList());
            Verdict v = f.disputed() ? Verdict.DISPUTED : d.day() == null && f.value().day() != null || !d.from().equals(d.to()) ? Verdict.ROUNDED : Verdict.RIGHT;
            return Claims.of(ctx, n, d.start(), d.end(), kind, List.of(m), d.text(), actual, v, null, LimitClaims.sources(f));
        }
        Model m = candidates.get(0);
        Fact<PartialDate> f = kind == ClaimKind.KNOWLEDGE_CUTOFF ? m.knowledgeCutoff() : m.releaseDate();
        if (f == null) {
            return Claims.of(ctx, n, d.start(), d.end(), kind, List.of(m), d.text(), null, Verdict.UNSOURCED, null, List.of());
        }
        String what = kind == ClaimKind.KNOWLEDGE_CUTOFF ? "knowledge cutoff" : "release date";
        return Claims.of(ctx, n, d.start(), d.end(), kind, List.of(m), d.text(), f.value().display(), Verdict.WRONG,
                m.displayName() + "'s " + what + " is " + f.value().display() + ".", LimitClaims.sources(f));
    }

    /** Same month (and day when both give one), or the stated range holds the source's month. */
    private static boolean agrees(Stated d, PartialDate v) {
        YearMonth ym = YearMonth.of(v.year(), v.month());
        boolean inRange = !ym.isBefore(d.from()) && !ym.isAfter(d.to());
        return inRange && (d.day() == null || v.day() == null || d.day().equals(v.day()));
    }

    /** Between the earliest and latest source, a month either side: what disputed sources leave open. */
    private static boolean between(Stated d, List<PartialDate> values) {
        YearMonth min = values.stream().map(v -> YearMonth.of(v.year(), v.month())).min(YearMonth::compareTo).orElseThrow();
        YearMonth max = values.stream().map(v -> YearMonth.of(v.year(), v.month())).max(YearMonth::compareTo).orElseThrow();
        return !d.to().isBefore(min.minusMonths(1)) && !d.from().isAfter(max.plusMonths(1));
    }
}
