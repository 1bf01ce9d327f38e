package io.modelatlas.check;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model is in its life: "GPT-4o Mini is deprecated", "has been superseded by GPT-5.1", "was replaced by ...",
 * "will be retired", "is not deprecated". Judged against the model's status. A status no source states (the catalog's
 * derived "current", or any "current" but a curator's) is unsourced, never wrong; the catalog does not tell deprecated from superseded or retired apart
 * from a shutdown date, so those claims are unchecked against each other, and a successor other than the catalog's
 * is unchecked too (a model can have more than one).
 */
final class StatusClaims {
    private static final Pattern CLAIM = Pattern.compile("(?i)\\b(?:is|was|are|were|has\\s+been|have\\s+been|had\\s+been|will\\s+be|is\\s+being|being|now)\\s+"
            + "(?:now\\s+|officially\\s+|already\\s+|being\\s+)?(not\\s+|n't\\s+)?(deprecated|retired|discontinued|sunset|superseded|replaced)\\b"
            + "(?:\\s+(?:by|in\\s+favou?r\\s+of|with)\\s+)?");

    private enum Stated { DEPRECATED, RETIRED, SUPERSEDED, NOT_DEPRECATED }

    private StatusClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            Matcher m = CLAIM.matcher(ctx.article().line(n));
            while (m.find()) {
                if (CapabilityClaims.question(ctx, n, m.start())) {
                    continue;
                }
                String word = m.group(2).toLowerCase(Locale.ROOT);
                boolean negated = m.group(1) != null;
                if (negated && (word.equals("superseded") || word.equals("replaced"))) {
                    continue; // "not replaced by" is rarely a status claim
                }
                Stated stated = negated ? Stated.NOT_DEPRECATED : word.equals("superseded") || word.equals("replaced") ? Stated.SUPERSEDED
                        : word.equals("retired") ? Stated.RETIRED : Stated.DEPRECATED;
                int end = m.end();
                Optional<Model> successor = Optional.empty();
                if (stated == Stated.SUPERSEDED && m.end() > m.end(2)) {
                    Optional<Mention> after = ctx.mentions().inLine(n, m.end(), m.end() + 1).stream().findFirst();
                    successor = after.map(Mention::model);
                    end = after.map(Mention::end).orElse(m.end(2));
                } else {
                    end = m.end(2);
                }
                out.add(judge(ctx, n, m.start(), end, stated, successor));
            }
        }
        return out;
    }

    private static Claim judge(CheckContext ctx, int n, int start, int end, Stated stated, Optional<Model> successor) {
        String statedText = switch (stated) {
            case DEPRECATED -> "deprecated";
            case RETIRED -> "retired";
            case NOT_DEPRECATED -> "not deprecated";
            case SUPERSEDED -> "superseded" + successor.map(s -> " by " + s.id()).orElse("");
        };
        Optional<Model> subject = ctx.subjectAt(n, start);
        if (subject.isEmpty() || successor.isPresent() && subject.get().id().equals(successor.get().id())) {
            return Claims.of(ctx, n, start, end, ClaimKind.STATUS, List.of(), statedText, null, Verdict.UNCHECKED, null, List.of());
        }
        Model m = subject.get();
        Fact<Status> f = m.status();
        // only a curator says a model is current; the catalog's "current" is otherwise the absence of a deprecation
        if (f.source().source().equals("derived") || f.value().lifecycle() == Lifecycle.CURRENT && !f.source().source().equals("overlay")) {
            return Claims.of(ctx, n, start, end, ClaimKind.STATUS, List.of(m), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        Status s = f.value();
        String actual = describe(s);
        List<io.modelatlas.catalog.Provenance> sources = LimitClaims.sources(f);
        Verdict v;
        if (s.lifecycle() == Lifecycle.CURRENT) {
            v = stated == Stated.NOT_DEPRECATED ? Verdict.RIGHT : Verdict.WRONG;
        } else if (stated == Stated.NOT_DEPRECATED) {
            // superseded is not deprecated: only a deprecation the catalog states contradicts it
            v = s.lifecycle() == Lifecycle.DEPRECATED ? Verdict.WRONG : Verdict.UNCHECKED;
        } else if (stated == Stated.SUPERSEDED) {
            v = s.lifecycle() != Lifecycle.SUPERSEDED ? Verdict.UNCHECKED
                    : successor.isEmpty() || successor.get().id().equals(s.successorId()) ? Verdict.RIGHT : Verdict.UNCHECKED;
        } else if (stated == Stated.DEPRECATED) {
            v = s.lifecycle() == Lifecycle.DEPRECATED ? Verdict.RIGHT : Verdict.UNCHECKED;
        } else {
            // retired: right once the shutdown date the catalog has is on or before the article's date
            v = s.lifecycle() == Lifecycle.DEPRECATED && s.deprecationDate() != null && ctx.asOf() != null && !s.deprecationDate().isAfter(ctx.asOf())
                    ? Verdict.RIGHT : Verdict.UNCHECKED;
        }
        return Claims.of(ctx, n, start, end, ClaimKind.STATUS, List.of(m), statedText, actual, v, m.displayName() + " is " + actual + ".", sources);
    }

    private static String describe(Status s) {
        return switch (s.lifecycle()) {
            case CURRENT -> "current";
            case SUPERSEDED -> "superseded by " + s.successorId();
            case DEPRECATED -> "deprecated" + (s.deprecationDate() == null ? "" : ", shutdown on " + s.deprecationDate());
        };
    }
}
