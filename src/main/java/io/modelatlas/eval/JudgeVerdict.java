package io.modelatlas.eval;

import io.modelatlas.text.Clip;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the judge model decided, read from its free-form reply. Judges are asked for {@code {"pass": true|false,
 * "reason": "..."}} but do not always comply, so the reply is read in order of trust: a JSON {@code "pass"} or
 * {@code "verdict"} field (also inside a code fence or after prose), then a {@code VERDICT: PASS} line, then a reply
 * that is only PASS or FAIL. A reply that names both or neither is not a verdict.
 */
public record JudgeVerdict(boolean pass, String reason) {
    private static final Pattern JSON_PASS = Pattern.compile("\"pass(?:ed)?\"\\s*:\\s*\"?(true|false)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"(pass|fail|passed|failed)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_REASON = Pattern.compile("\"reason\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("(?im)^\\W*(?:final\\s+)?verdict\\W*[:=-]\\W*(pass|fail|passed|failed)\\b");
    private static final Pattern ALONE = Pattern.compile("(?i)^\\W*(pass|fail|passed|failed)\\W*$");

    public static Optional<JudgeVerdict> parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        String reason = reason(reply);
        Matcher m = JSON_PASS.matcher(reply);
        if (m.find()) {
            boolean pass = m.group(1).equalsIgnoreCase("true");
            return m.find() && (m.group(1).equalsIgnoreCase("true") != pass) ? Optional.empty() : Optional.of(new JudgeVerdict(pass, reason));
        }
        m = JSON_VERDICT.matcher(reply);
        if (m.find()) {
            return Optional.of(new JudgeVerdict(m.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("pass"), reason));
        }
        m = LINE.matcher(reply);
        if (m.find()) {
            return Optional.of(new JudgeVerdict(m.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("pass"), Clip.clip(reply.trim(), 300)));
        }
        m = ALONE.matcher(reply.trim());
        if (m.matches()) {
            return Optional.of(new JudgeVerdict(m.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("pass"), null));
        }
        return Optional.empty();
    }

    private static String reason(String reply) {
        Matcher m = JSON_REASON.matcher(reply);
        if (!m.find()) {
            return null;
        }
        return Clip.clip(m.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\"), 300);
    }
}
