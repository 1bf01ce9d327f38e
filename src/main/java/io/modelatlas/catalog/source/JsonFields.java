package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.pricing.OutOfBoundsException;
import io.modelatlas.pricing.TokenRate;
import io.modelatlas.pricing.ValueBounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * A token price in USD per million tokens (models.dev, the overlay, operators' corrections), within
     * {@link ValueBounds#usdPerMillionTokens}; null when absent or JSON null.
     */
    BigDecimal price(JsonNode node, String field, String path) {
        BigDecimal d = decimal(node, field, path);
        return d == null ? null : bounded(path + "." + field, () -> ValueBounds.usdPerMillionTokens(d));
    }

    /** A token price written per token (LiteLLM, OpenRouter), checked as the price per million it becomes. */
    TokenRate pricePerToken(JsonNode node, String field, String path) {
        BigDecimal d = decimal(node, field, path);
        if (d == null) {
            return null;
        }
        try {
            return TokenRate.perMillion(ValueBounds.usdPerMillionTokens(d.movePointRight(6)));
        } catch (OutOfBoundsException e) {
            throw new SourceFormatException(file, path + "." + field, e.getMessage() + " (" + ValueBounds.show(d) + " USD per token)");
        }
    }

    /** A flat price per image, within {@link ValueBounds#usdPerImage}; null when absent or JSON null. */
    BigDecimal imagePrice(JsonNode node, String field, String path) {
        BigDecimal d = decimal(node, field, path);
        return d == null ? null : bounded(path + "." + field, () -> ValueBounds.usdPerImage(d));
    }

    /**
     * A non-negative decimal as written, number or text, or null when absent or JSON null. Text must be the number
     * alone: {@code " 1"} is refused rather than trimmed, so that what is stored is what was checked, and text past 64
     * characters is refused before it is parsed (parsing a long run of digits is slow and no price needs it).
     */
    private BigDecimal decimal(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual()) {
            String s = v.asText();
            if (s.length() > 64 || !s.strip().equals(s)) {
                throw new SourceFormatException(file, path + "." + field, "expected a price as a number"
                        + (s.length() > 64 ? " of at most 64 characters" : " without spaces around it") + ", got " + describe(v));
            }
            try {
                d = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new SourceFormatException(file, path + "." + field, "expected a price as a number, got " + describe(v));
            }
        } else {
            throw new SourceFormatException(file, path + "." + field, "expected a price as a number, got " + v.getNodeType().name().toLowerCase());
        }
        if (d.signum() < 0) {
            throw new SourceFormatException(file, path + "." + field, "a price cannot be negative: " + ValueBounds.show(d));
        }
        return d;
    }

    /**
     * A token limit: a whole number within {@link ValueBounds#tokenCount}, or null when absent, JSON null, or 0 where 0
     * means "not stated".
     */
    Long tokens(JsonNode node, String field, String path, boolean zeroIsUnknown) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new SourceFormatException(file, path + "." + field, "expected a whole number of tokens, got " + describe(v));
        }
        BigDecimal n = v.decimalValue();
        if (n.signum() == 0 && zeroIsUnknown) {
            return null;
        }
        return bounded(path + "." + field, () -> ValueBounds.tokenCount(n));
    }

    /** Runs a {@link ValueBounds} check, naming this file and {@code location} when the value is out of bounds. */
    <T> T bounded(String location, Supplier<T> check) {
        try {
            return check.get();
        } catch (OutOfBoundsException e) {
            throw new SourceFormatException(file, location, e.getMessage());
        }
    }

    /** An id as it enters the catalog (a model key, a provider), refused when {@link Ids} says it may not be one. */
    String id(String id, String location) {
        Ids.problem(id).ifPresent(p -> {
            throw new SourceFormatException(file, location, p + ": \"" + Ids.printable(id) + "\"");
        });
        return id;
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

    /** A bad value for a message, cut after 80 characters and with control characters escaped. */
    static String describe(JsonNode v) {
        return v.isTextual() ? "\"" + Ids.printable(v.asText()) + "\"" : v.getNodeType().name().toLowerCase() + " " + Ids.printable(v.toString());
    }
}
