package io.modelatlas.web;

import java.util.Locale;

/** Reads an Accept-Encoding request header (RFC 9110 §12.5.3) for the one question the site asks of it. */
final class AcceptEncoding {
    private AcceptEncoding() {}

    /**
     * Whether a gzip body is acceptable: {@code gzip} (or {@code x-gzip}) is listed with a non-zero weight, or it is
     * not named and {@code *} has a non-zero weight. {@code gzip;q=0} refuses it even when {@code *} is allowed.
     */
    static boolean allowsGzip(String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        Boolean star = null;
        for (String item : header.split(",")) {
            int semi = item.indexOf(';');
            String coding = (semi < 0 ? item : item.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            boolean allowed = semi < 0 || weight(item.substring(semi + 1)) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                star = allowed;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    /** The q parameter's value; a malformed weight counts as 0, so a garbled header falls back to identity. */
    private static double weight(String params) {
        for (String p : params.split(";")) {
            String t = p.trim();
            if (t.length() > 2 && (t.charAt(0) == 'q' || t.charAt(0) == 'Q') && t.charAt(1) == '=') {
                try {
                    return Double.parseDouble(t.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
