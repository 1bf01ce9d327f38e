package io.modelatlas.eval;

import io.modelatlas.text.Clip;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks an answer against its case's assertions. */
public final class Scorer {
    private final JsonChecks json;
    private final ModelJudge judge;

    /** @param judge null when no case has a judge assertion */
    public Scorer(JsonChecks json, ModelJudge judge) {
        this.json = json;
        this.judge = judge;
    }

    public List<AssertionResult> score(EvalCase c, Completion answer, BigDecimal costUsd) {
        List<AssertionResult> out = new ArrayList<>();
        for (Assertion a : c.assertions()) {
            out.add(check(a, c, answer, costUsd));
        }
        return out;
    }

    /** The case's status from its assertions' outcomes: any FAIL fails it, else any ERROR errors it. */
    public static CaseStatus status(List<AssertionResult> results) {
        if (results.stream().anyMatch(r -> r.outcome() == AssertionResult.Outcome.FAIL)) {
            return CaseStatus.FAILED;
        }
        if (results.stream().anyMatch(r -> r.outcome() == AssertionResult.Outcome.ERROR)) {
            return CaseStatus.ERRORED;
        }
        return CaseStatus.PASSED;
    }

    // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed kinds
    private AssertionResult check(Assertion a, EvalCase c, Completion answer, BigDecimal costUsd) {
        String text = answer.text();
        if (a instanceof Assertion.Equals e) {
            return result(a, text.trim().equals(e.expected().trim()), "the answer was \"" + Clip.clip(text.trim(), 120) + "\"");
        } else if (a instanceof Assertion.Contains e) {
            return result(a, text.contains(e.text()), "not found in the answer");
        } else if (a instanceof Assertion.NotContains e) {
            return result(a, !text.contains(e.text()), "found in the answer");
        } else if (a instanceof Assertion.Regex e) {
            return result(a, e.pattern().matcher(text).find(), "no part of the answer matches");
        } else if (a instanceof Assertion.ValidJson) {
            Optional<String> why = json.whyInvalid(JsonAnswer.unfence(text));
            return result(a, why.isEmpty(), why.orElse(null));
        } else if (a instanceof Assertion.MatchesSchema e) {
            String body = JsonAnswer.unfence(text);
            Optional<String> why = json.whyInvalid(body);
            if (why.isPresent()) {
                return result(a, false, "not JSON: " + why.get());
            }
            List<String> violations = json.schemaViolations(e.schemaJson(), body);
            return result(a, violations.isEmpty(), String.join("; ", violations.stream().limit(5).toList()));
        } else if (a instanceof Assertion.MaxLatency e) {
            return result(a, answer.latency().compareTo(e.limit()) <= 0, "took " + answer.latency().toMillis() + " ms");
        } else if (a instanceof Assertion.MaxTimeToFirstToken e) {
            return answer.timeToFirstToken() == null
                    ? new AssertionResult(a.kind(), a.describe(), AssertionResult.Outcome.ERROR, "the target does not stream, so time to first token is unknown")
                    : result(a, answer.timeToFirstToken().compareTo(e.limit()) <= 0, "first token after " + answer.timeToFirstToken().toMillis() + " ms");
        } else if (a instanceof Assertion.MaxCost e) {
            return costUsd == null
                    ? new AssertionResult(a.kind(), a.describe(), AssertionResult.Outcome.ERROR, "the cost is unknown: the catalog has no price for this model")
                    : result(a, costUsd.compareTo(e.usd()) <= 0, "cost $" + costUsd.toPlainString());
        } else if (a instanceof Assertion.Judge e) {
            return judge.grade(e, c, text);
        }
        throw new IllegalStateException("unknown assertion kind " + a.kind());
    }

    private static AssertionResult result(Assertion a, boolean pass, String whyNot) {
        return new AssertionResult(a.kind(), a.describe(), pass ? AssertionResult.Outcome.PASS : AssertionResult.Outcome.FAIL, pass ? null : whyNot);
    }
}
