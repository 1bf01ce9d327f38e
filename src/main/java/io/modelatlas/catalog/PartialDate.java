package io.modelatlas.catalog;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the month or to the day, as sources write knowledge cutoffs: {@code 2024-04} or
 * {@code 2024-06-30}. Ordered by the earliest day it can mean.
 */
public record PartialDate(int year, int month, Integer day) implements Comparable<PartialDate> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");

    public PartialDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day != null) {
            LocalDate.of(year, month, day); // validates the day
        }
    }

    public static PartialDate parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected YYYY-MM or YYYY-MM-DD, got '" + text + "'");
        }
        Integer day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        return new PartialDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, month, day == null ? 1 : day);
    }

    /** "April 2024" or "June 30, 2024". */
    public String display() {
        String monthName = java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return day == null ? monthName + " " + year : monthName + " " + day + ", " + year;
    }

    @Override
    public int compareTo(PartialDate o) {
        return firstDay().compareTo(o.firstDay());
    }

    @Override
    public String toString() {
        // by hand, not String.format: every page prints dates, and Formatter is slow to run and to compile
        String yearMonth = pad(year, 4) + "-" + pad(month, 2);
        return day == null ? yearMonth : yearMonth + "-" + pad(day, 2);
    }

    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
