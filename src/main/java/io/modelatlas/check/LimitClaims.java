package io.modelatlas.check;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.compare.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context windows and maximum outputs: "1M-token context window", "context window of 128K tokens", "can generate up
 * to 32,000 tokens", a table's "Context window" row, a spec list's "Max output" label over "32,768 tokens". A figure
 * is read as a limit only when the words next to it say which limit, so "84% at 8K tokens" is no context claim.
 */
final class LimitClaims {
    private static final String COUNT = "(" + Figures.NUMBER + ")\\s?(k|K|m|M|million|Million)?(?=[\\s-])";
    private static final Pattern CONTEXT_AFTER = Pattern.compile("(?i)" + COUNT + "[\\s-]*(?:tokens?)?[\\s-]*(?:of\\s+)?context\\b");
    private static final Pattern CONTEXT_BEFORE = Pattern.compile("(?i)context(?:\\s+window|\\s+length)?\\s*(?:of|:|is|supports|up to|reaches|at)\\s+(?:a\\s+|up\\s+to\\s+)?" + COUNT + "[\\s-]*tokens?");
    private static final Pattern OUTPUT = Pattern.compile("(?i)(?:generate|output|produce|write)s?\\s+(?:up\\s+to\\s+)?" + COUNT + "[\\s-]*tokens?"
            + "|(?:max(?:imum)?\\s+output(?:\\s+tokens)?|output\\s+limit)\\s*(?:of|:|is)?\\s*" + COUNT + "[\\s-]*tokens?"
            + "|" + COUNT + "[\\s-]*tokens?[\\s-]*(?:output\\s+)?limit");
    private static final Pattern CELL = Pattern.compile("(?i)^\\s*" + COUNT.replace("(?=[\\s-])", "") + "[\\s-]*(?:tokens?)?\\s*$");
    private static final Pattern CONTEXT_LABEL = Pattern.compile("(?i)^\\s*(?:context(?:\\s+window|\\s+length)?|max(?:imum)?\\s+input)\\s*:?\\s*$");
    private static final Pattern OUTPUT_LABEL = Pattern.compile("(?i)^\\s*max(?:imum)?\\s+output(?:\\s+tokens)?\\s*:?\\s*$");

    private LimitClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        Article a = ctx.article();
        for (int n = 1; n <= a.lineCount(); n++) {
            String line = a.line(n);
            if (!ctx.tables().headerCells(n).isEmpty()) {
                out.addAll(tableRow(ctx, n));
                continue;
            }
            Optional<ClaimKind> labelled = labelAbove(ctx, n);
            Matcher cell = CELL.matcher(line);
            if (labelled.isPresent() && cell.matches()) {
                Optional<Model> subject = ctx.pageModel();
                if (subject.isPresent()) {
                    out.add(judge(ctx, n, cell.start(1), line.length(), labelled.get(), List.of(subject.get()), cell.group(1), cell.group(2)));
                }
                continue;
            }
            for (Pattern p : List.of(CONTEXT_AFTER, CONTEXT_BEFORE)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    out.add(prose(ctx, n, m, ClaimKind.CONTEXT_WINDOW));
                }
            }
            Matcher o = OUTPUT.matcher(line);
            while (o.find()) {
                out.add(prose(ctx, n, o, ClaimKind.MAX_OUTPUT));
            }
        }
        return out;
    }

    /** "Context window" alone on a line, and the figure on the next non-blank line: a spec list. */
    private static Optional<ClaimKind> labelAbove(CheckContext ctx, int n) {
        for (int k = n - 1; k >= Math.max(1, n - 2); k--) {
            String above = ctx.article().line(k);
            if (above.isBlank()) {
                continue;
            }
            return CONTEXT_LABEL.matcher(above).matches() ? Optional.of(ClaimKind.CONTEXT_WINDOW)
                    : OUTPUT_LABEL.matcher(above).matches() ? Optional.of(ClaimKind.MAX_OUTPUT) : Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Claim> tableRow(CheckContext ctx, int n) {
        String label = ctx.tables().rowLabel(n).toLowerCase(Locale.ROOT);
        ClaimKind kind = label.contains("context") ? ClaimKind.CONTEXT_WINDOW : label.contains("output") && (label.contains("max") || label.contains("limit"))
                ? ClaimKind.MAX_OUTPUT : null;
        if (kind == null) {
            return List.of();
        }
        List<Claim> out = new ArrayList<>();
        for (Tables.Cell c : ctx.tables().cells(n)) {
            Matcher m = CELL.matcher(c.text());
            Optional<Model> model = ctx.tableColumnModel(n, c.start());
            if (c.index() > 0 && m.matches() && model.isPresent()) {
                int start = ctx.article().line(n).indexOf(c.text(), c.start());
                out.add(judge(ctx, n, start, start + c.text().length(), kind, List.of(model.get()), m.group(1), m.group(2)));
            }
        }
        return out;
    }

    private static Claim prose(CheckContext ctx, int n, Matcher m, ClaimKind kind) {
        int group = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
        Article.Sentence s = ctx.article().sentenceAt(n, m.start(group));
        Optional<Model> subject = ctx.subjectAt(n, m.start(group));
        List<Model> candidates = ctx.candidates(subject.orElse(null), s);
        return judge(ctx, n, m.start(), m.end(), kind, candidates, m.group(group), m.group(group + 1));
    }

    /** Right or rounded for the first candidate whose limit it is; else wrong against the first candidate. */
    private static Claim judge(CheckContext ctx, int n, int start, int end, ClaimKind kind, List<Model> candidates, String number, String suffix) {
        Figures.TokenCount stated = Figures.tokenCount(number, suffix);
        String statedText = Format.count(stated.tokens()) + " tokens" + (suffix == null ? "" : " (" + number + suffix + ")");
        if (candidates.isEmpty()) {
            return Claims.of(ctx, n, start, end, kind, List.of(), statedText, null, Verdict.UNCHECKED, null, List.of());
        }
        Function<Model, Fact<Long>> fact = kind == ClaimKind.CONTEXT_WINDOW ? Model::contextWindow : Model::maxOutputTokens;
        for (Model m : candidates) {
            Fact<Long> f = fact.apply(m);
            if (f == null) {
                continue;
            }
            List<Long> values = new ArrayList<>();
            values.add(f.value());
            f.disagreements().forEach(d -> values.add(d.value()));
            for (Offering o : m.offerings()) {
                Long v = kind == ClaimKind.CONTEXT_WINDOW ? o.contextWindow() : o.maxOutputTokens();
                if (v != null && o.provider().equals(m.creatorId())) {
                    values.add(v);
                }
            }
            for (Long v : values) {
                Verdict verdict = stated.against(v);
                if (verdict != null) {
                    boolean chosen = v.equals(f.value());
                    return Claims.of(ctx, n, start, end, kind, List.of(m), statedText, Format.count(v) + " tokens" + (chosen ? "" : " (one source; "
                            + Format.count(f.value()) + " by " + f.source().source() + ")"), chosen || !f.disputed() ? verdict : Verdict.DISPUTED, null, sources(f));
                }
            }
        }
        Model m = candidates.get(0);
        Fact<Long> f = fact.apply(m);
        if (f == null) {
            return Claims.of(ctx, n, start, end, kind, List.of(m), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        String what = kind == ClaimKind.CONTEXT_WINDOW ? "context window" : "maximum output";
        return Claims.of(ctx, n, start, end, kind, List.of(m), statedText, Format.count(f.value()) + " tokens", Verdict.WRONG,
                m.displayName() + "'s " + what + " is " + Format.count(f.value()) + " tokens.", sources(f));
    }

    static List<Provenance> sources(Fact<?> f) {
        List<Provenance> out = new ArrayList<>();
        out.add(f.source());
        f.disagreements().forEach(d -> out.add(d.source()));
        return out;
    }
}
