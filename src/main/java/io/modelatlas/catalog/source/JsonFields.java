package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.PartialDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads from a JSON tree that fail with the file and JSON path of a bad value. */
final class JsonFields {
    private final String file;
    private final boolean skipInvalid;
    private final List<String> warnings = new ArrayList<>();
    private final List<SourceFormatException> skipped = new ArrayList<>();

    JsonFields(String file) {
        this(file, false);
    }

    /** With {@code skipInvalid}, a bad entry is reported and left out instead of failing the whole file. */
    JsonFields(String file, boolean skipInvalid) {
        this.file = file;
        this.skipInvalid = skipInvalid;
    }

    /** Rethrows a bad entry's error, or records it as skipped when bad entries may be skipped. */
    void skipOrThrow(SourceFormatException e) {
        if (!skipInvalid) {
            throw e;
        }
        skipped.add(e);
    }

    /** The entries left out, each with its place in the file and what was wrong. */
    List<SourceFormatException> skipped() {
        return skipped;
    }

    /** Values that were unusable and so treated as unknown, each with its place in the file. */
    List<String> warnings() {
        return warnings;
    }

    String file() {
        return file;
    }

    /** A non-negative decimal, or null when absent or JSON null. */
    BigDecimal price(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                d = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new SourceFormatException(file, path + "." + field, "expected a price as a number, got \"" + v.asText() + "\"");
            }
        } else {
            throw new SourceFormatException(file, path + "." + field, "expected a price as a number, got " + v.getNodeType().name().toLowerCase());
        }
        if (d.signum() < 0) {
            throw new SourceFormatException(file, path + "." + field, "a price cannot be negative: " + d.toPlainString());
        }
        return d;
    }

    /** A whole non-negative number, or null when absent, JSON null, or 0 where 0 means "not stated". */
    Long tokens(JsonNode node, String field, String path, boolean zeroIsUnknown) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
            throw new SourceFormatException(file, path + "." + field, "expected a whole number of tokens, got " + describe(v));
        }
        long n = v.asLong();
        if (n < 0) {
            throw new SourceFormatException(file, path + "." + field, "a token limit cannot be negative: " + n);
        }
        return n == 0 && zeroIsUnknown ? null : n;
    }

    String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SourceFormatException(file, path + "." + field, "expected text, got " + describe(v));
        }
        return v.asText();
    }

    Boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new SourceFormatException(file, path + "." + field, "expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    /**
     * A date known to the month or day. Real files hold impossible dates ({@code 2025-02-31}, {@code 2025-25-11} in
     * models.dev): an impossible day keeps the year and month; an impossible month makes the date unknown. Both are
     * reported as warnings rather than failing the whole catalog. Text that is not a date at all is an error.
     */
    PartialDate partialDate(JsonNode node, String field, String path) {
        String s = text(node, field, path);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(s.length() == 4 ? s + "-01" : s);
        } catch (java.time.DateTimeException e) {
            warnings.add(path + "." + field + ": impossible day in \"" + s + "\", kept " + s.substring(0, 7));
            return PartialDate.parse(s.substring(0, 7));
        } catch (IllegalArgumentException e) {
            if (s.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
                warnings.add(path + "." + field + ": impossible date \"" + s + "\", treated as unknown");
                return null;
            }
            throw new SourceFormatException(file, path + "." + field, "expected a date YYYY-MM or YYYY-MM-DD, got \"" + s + "\"");
        }
    }

    LocalDate date(JsonNode node, String field, String path) {
        String s = text(node, field, path);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new SourceFormatException(file, path + "." + field, "expected a date YYYY-MM-DD, got \"" + s + "\"");
        }
    }

    /** A JSON array of modality words as a set; null when absent or naming none we track. */
    static java.util.Set<io.modelatlas.catalog.Modality> modalities(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        java.util.Set<io.modelatlas.catalog.Modality> out = java.util.EnumSet.noneOf(io.modelatlas.catalog.Modality.class);
        array.forEach(x -> io.modelatlas.catalog.Modality.fromSource(x.asText()).ifPresent(out::add));
        return out.isEmpty() ? null : out;
    }

    static String describe(JsonNode v) {
        return v.isTextual() ? "\"" + v.asText() + "\"" : v.getNodeType().name().toLowerCase() + " " + v;
    }
}
