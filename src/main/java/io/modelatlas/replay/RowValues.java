package io.modelatlas.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** The values of export fields, read strictly: a wrong value names its field and what it holds. */
final class RowValues {
    private RowValues() {}

    /** A non-negative whole number; 0 when absent unless required. Accepts "12.0", as JSON exports of floats write it. */
    static long whole(LogRows.Row row, String field, boolean required) {
        String v = row.text(field);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return 0;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new IllegalArgumentException(field + " cannot be negative, got " + v);
            }
            return d.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " must be a non-negative whole number, got '" + v + "'");
        }
    }

    /** A cost in USD, exactly as written (no double on the way); null when absent. */
    static BigDecimal usd(LogRows.Row row, String field) {
        String v = row.text(field);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new IllegalArgumentException(field + " cannot be negative, got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of USD, got '" + v + "'");
        }
    }

    /** PostgreSQL's text form of a timestamp: "2025-01-15 10:30:00.123" with an optional "+00" / "+00:00" offset. */
    private static final DateTimeFormatter SQL = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd().toFormatter();

    /**
     * A time: ISO-8601 with or without an offset, PostgreSQL's "2025-01-15 10:30:00.123", a date (the day's start),
     * or epoch seconds. A time without an offset is UTC, as LiteLLM and OpenRouter write theirs.
     */
    static Instant time(LogRows.Row row, String field) {
        String v = row.text(field);
        return v == null ? null : time(field, v);
    }

    static Instant time(String field, String v) {
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return LogReader.epochSeconds(Long.parseLong(v));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.length() > 10 && v.charAt(10) == ' ') {
                var parsed = SQL.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            }
            var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a time (2025-05-01T12:00:00Z, 2025-05-01 12:00:00 or epoch seconds), got '" + v + "'");
        }
    }
}
