package io.modelatlas.eval;

/**
 * How one assertion came out on one answer.
 *
 * @param outcome PASS or FAIL for the answer; ERROR when the assertion could not be checked (the judge did not answer)
 * @param detail  why it failed, or what the judge said; null when there is nothing to add
 */
public record AssertionResult(String kind, String description, Outcome outcome, String detail) {
    public enum Outcome { PASS, FAIL, ERROR }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
