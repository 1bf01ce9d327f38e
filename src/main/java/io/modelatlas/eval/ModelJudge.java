package io.modelatlas.eval;

/**
 * Grades an answer against a rubric by asking the judge target, at temperature 0. The judge sees the case's input,
 * the rubric and the answer, and must answer with a JSON verdict ({@link JudgeVerdict} reads replies that are less
 * tidy). A judge that cannot be reached or whose reply is not a verdict makes the assertion ERROR, not FAIL: the
 * graded model is not to blame.
 */
public final class ModelJudge {
    static final String INSTRUCTIONS = "You grade an AI assistant's answer against a rubric. Judge only what the rubric asks. "
            + "Reply with one JSON object and nothing else: {\"pass\": true or false, \"reason\": \"one sentence\"}.";

    private final ChatEndpoint endpoint;

    public ModelJudge(ChatEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public AssertionResult grade(Assertion.Judge judge, EvalCase c, String answer) {
        String prompt = "Rubric:\n" + judge.rubric() + "\n\nThe user's request:\n" + c.input() + "\n\nThe assistant's answer:\n" + answer;
        String request = "{\"messages\":[{\"role\":\"system\",\"content\":" + Text.jsonString(INSTRUCTIONS) + "},"
                + "{\"role\":\"user\",\"content\":" + Text.jsonString(prompt) + "}],\"temperature\":0}";
        Completion reply;
        try {
            reply = endpoint.complete(request);
        } catch (EndpointException e) {
            return new AssertionResult(judge.kind(), judge.describe(), AssertionResult.Outcome.ERROR,
                    "the judge did not answer: " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + Text.clip(e.getMessage(), 200));
        }
        return JudgeVerdict.parse(reply.text())
                .map(v -> new AssertionResult(judge.kind(), judge.describe(), v.pass() ? AssertionResult.Outcome.PASS : AssertionResult.Outcome.FAIL,
                        v.reason() == null ? "judge: " + (v.pass() ? "pass" : "fail") : "judge: " + v.reason()))
                .orElseGet(() -> new AssertionResult(judge.kind(), judge.describe(), AssertionResult.Outcome.ERROR,
                        "the judge's reply is not a verdict: \"" + Text.clip(reply.text().trim(), 200) + "\""));
    }
}
