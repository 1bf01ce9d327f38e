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
import java.time.format.ResolverStyle;

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
        long plain = plainWhole(v);
        if (plain >= 0) {
            return plain;
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

    /** Digits only (the common case, read without a BigDecimal): their value; -1 for any other text or past 18 digits. */
    private static long plainWhole(String v) {
        int n = v.length();
        if (n > 18) {
            return -1;
        }
        long x = 0;
        for (int i = 0; i < n; i++) {
            int d = digit(v.charAt(i));
            if (d < 0) {
                return -1;
            }
            x = x * 10 + d;
        }
        return x;
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
            .optionalStart().appendOffset("+HH", "Z").optionalEnd().toFormatter().withResolverStyle(ResolverStyle.STRICT);

    /**
     * A time: ISO-8601 with or without an offset, PostgreSQL's "2025-01-15 10:30:00.123", a date (the day's start),
     * or epoch seconds. A time without an offset is UTC, as LiteLLM and OpenRouter write theirs.
     */
    static Instant time(LogRows.Row row, String field) {
        String v = row.text(field);
        return v == null ? null : time(field, v);
    }

    static Instant time(String field, String v) {
        Instant fast = plainTime(v);
        if (fast != null) {
            return fast;
        }
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

    /**
     * The common forms of a spend log's times, {@code 2025-05-01 12:00:00.123} and {@code 2025-05-01T12:00:00.123Z}
     * (UTC), read digit by digit: the formatter costs more than the rest of the row. Null for any other form, or an
     * impossible date, which the formatter then reads or explains.
     */
    static Instant plainTime(String v) {
        int n = v.length();
        if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != ' ' && v.charAt(10) != 'T') || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int end = v.charAt(n - 1) == 'Z' ? n - 1 : n;
        int nanos = 0;
        if (end > 19) {
            if (v.charAt(19) != '.' || end - 20 < 1 || end - 20 > 9) {
                return null;
            }
            for (int i = 20; i < 29; i++) {
                int d = i < end ? digit(v.charAt(i)) : 0;
                if (d < 0) {
                    return null;
                }
                nanos = nanos * 10 + d;
            }
        }
        int year = number(v, 0, 4);
        int month = number(v, 5, 7);
        int day = number(v, 8, 10);
        int hour = number(v, 11, 13);
        int minute = number(v, 14, 16);
        int second = number(v, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException impossible) {
            return null;
        }
    }

    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int d = digit(v.charAt(i));
            if (d < 0) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
