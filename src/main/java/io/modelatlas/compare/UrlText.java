package io.modelatlas.compare;

import java.nio.charset.StandardCharsets;

/**
 * Model ids come from the sources and go into paths and query strings. Every byte outside the unreserved set and
 * {@code :}/{@code @} is percent-encoded, with upper-case hex, so each id has exactly one URL form and the
 * canonical-URL redirects cannot loop.
 */
public final class UrlText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlText() {}

    public static String encode(String text) {
        StringBuilder out = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (safe(b)) {
                if (out != null) {
                    out.append((char) b);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(bytes.length + 16).append(new String(bytes, 0, i, StandardCharsets.UTF_8));
                }
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean safe(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~' || b == ':' || b == '@';
    }
}
