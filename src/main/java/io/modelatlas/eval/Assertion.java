package io.modelatlas.eval;

import io.modelatlas.text.Clip;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** What an answer must satisfy. Each kind says in {@link #describe} what it checks, for reports. */
public sealed interface Assertion {

    /** The suite file's name for the kind: {@code equals}, {@code contains}, ... */
    String kind();

    String describe();

    /** The answer, trimmed, equals the expected text, trimmed. */
    record Equals(String expected) implements Assertion {
        public Equals {
            Objects.requireNonNull(expected, "expected");
        }

        public String kind() {
            return "equals";
        }

        public String describe() {
            return "equals \"" + Clip.clip(expected, 80) + "\"";
        }
    }

    /** The answer contains the text (case-sensitive). */
    record Contains(String text) implements Assertion {
        public Contains {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("contains needs a non-empty text");
            }
        }

        public String kind() {
            return "contains";
        }

        public String describe() {
            return "contains \"" + Clip.clip(text, 80) + "\"";
        }
    }

    /** The answer does not contain the text (case-sensitive). */
    record NotContains(String text) implements Assertion {
        public NotContains {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("not_contains needs a non-empty text");
            }
        }

        public String kind() {
            return "not_contains";
        }

        public String describe() {
            return "does not contain \"" + Clip.clip(text, 80) + "\"";
        }
    }

    /** Some part of the answer matches the regular expression (Java syntax; {@code (?i)} for case-insensitive). */
    record Regex(Pattern pattern) implements Assertion {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
        }

        public String kind() {
            return "regex";
        }

        public String describe() {
            return "matches /" + Clip.clip(pattern.pattern(), 80) + "/";
        }
    }

    /** The answer is one JSON value (a fenced ```json block is accepted, as models often wrap JSON that way). */
    record ValidJson() implements Assertion {
        public String kind() {
            return "json";
        }

        public String describe() {
            return "is valid JSON";
        }
    }

    /** The answer is JSON valid against the schema (JSON Schema 2020-12 unless the schema names its dialect). */
    record MatchesSchema(String schemaJson) implements Assertion {
        public MatchesSchema {
            Objects.requireNonNull(schemaJson, "schemaJson");
        }

        public String kind() {
            return "json_schema";
        }

        public String describe() {
            return "is JSON matching the schema " + Clip.clip(schemaJson.replaceAll("\\s+", " "), 80);
        }
    }

    /** The whole call, from sending to the last byte, took at most this long. */
    record MaxLatency(Duration limit) implements Assertion {
        public MaxLatency {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("max_latency_ms must be positive");
            }
        }

        public String kind() {
            return "max_latency_ms";
        }

        public String describe() {
            return "latency at most " + limit.toMillis() + " ms";
        }
    }

    /** The first token arrived within this time (streaming targets only). */
    record MaxTimeToFirstToken(Duration limit) implements Assertion {
        public MaxTimeToFirstToken {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("max_ttft_ms must be positive");
            }
        }

        public String kind() {
            return "max_ttft_ms";
        }

        public String describe() {
            return "time to first token at most " + limit.toMillis() + " ms";
        }
    }

    /** The call cost at most this many dollars, priced with the catalog from the measured usage. */
    record MaxCost(BigDecimal usd) implements Assertion {
        public MaxCost {
            if (usd == null || usd.signum() <= 0) {
                throw new IllegalArgumentException("max_cost_usd must be a positive number of dollars");
            }
        }

        public String kind() {
            return "max_cost_usd";
        }

        public String describe() {
            return "cost at most $" + usd.toPlainString();
        }
    }

    /** The judge target grades the answer against the rubric and passes it. */
    record Judge(String rubric) implements Assertion {
        public Judge {
            if (rubric == null || rubric.isBlank()) {
                throw new IllegalArgumentException("judge needs a rubric");
            }
        }

        public String kind() {
            return "judge";
        }

        public String describe() {
            return "judge: " + Clip.clip(rubric, 100);
        }
    }
}
