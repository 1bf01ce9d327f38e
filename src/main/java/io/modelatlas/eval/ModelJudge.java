package io.modelatlas.eval;

import io.modelatlas.text.Clip;

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
    private final int retries;
    private final EvalRunner.Sleeper sleeper;

    /** A judge that does not retry. */
    public ModelJudge(ChatEndpoint endpoint) {
        this(endpoint, 0, EvalRunner.Sleeper.REAL);
    }

    /**
     * @param retries how many times a 429, 5xx, timeout or cut-off stream of the judge is retried (waits of 1 s doubling,
     *                or the judge's Retry-After, at most 60 s), so that a busy judge does not leave cases ungraded
     */
    public ModelJudge(ChatEndpoint endpoint, int retries, EvalRunner.Sleeper sleeper) {
        this.endpoint = endpoint;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    private void wait(EndpointException e, int attempt) {
        java.time.Duration wait = java.time.Duration.ofSeconds(1L << Math.min(6, attempt));
        if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
            wait = e.retryAfter();
        }
        try {
            sleeper.sleep(wait.compareTo(java.time.Duration.ofSeconds(60)) > 0 ? java.time.Duration.ofSeconds(60) : wait);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    public AssertionResult grade(Assertion.Judge judge, EvalCase c, String answer) {
        String prompt = "Rubric:\n" + judge.rubric() + "\n\nThe user's request:\n" + c.input() + "\n\nThe assistant's answer:\n" + answer;
        String request = "{\"messages\":[{\"role\":\"system\",\"content\":" + Text.jsonString(INSTRUCTIONS) + "},"
                + "{\"role\":\"user\",\"content\":" + Text.jsonString(prompt) + "}],\"temperature\":0}";
        Completion reply = null;
        for (int attempt = 0; reply == null; attempt++) {
            try {
                reply = endpoint.complete(request);
            } catch (EndpointException e) {
                if (!e.kind().retriable() || attempt >= retries) {
                    return new AssertionResult(judge.kind(), judge.describe(), AssertionResult.Outcome.ERROR,
                            "the judge did not answer: " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + Clip.clip(e.getMessage(), 200));
                }
                wait(e, attempt);
            }
        }
        String text = reply.text();
        return JudgeVerdict.parse(text)
                .map(v -> new AssertionResult(judge.kind(), judge.describe(), v.pass() ? AssertionResult.Outcome.PASS : AssertionResult.Outcome.FAIL,
                        v.reason() == null ? "judge: " + (v.pass() ? "pass" : "fail") : "judge: " + v.reason()))
                .orElseGet(() -> new AssertionResult(judge.kind(), judge.describe(), AssertionResult.Outcome.ERROR,
                        "the judge's reply is not a verdict: \"" + Clip.clip(text.trim(), 200) + "\""));
    }
}
