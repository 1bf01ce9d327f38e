package io.modelatlas.web;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page rendered into one growing UTF-8 byte array. jte's own {@code Utf8ByteOutput} keeps a list of chunks (its
 * constructor's argument is the list's capacity, not a byte count) and makes a byte array of every escaped piece;
 * here the templates' pre-encoded static text is copied in and escaped text is encoded in place.
 */
final class PageOutput implements TemplateOutput {
    private byte[] bytes;
    private int size;

    PageOutput(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    @Override
    public void writeBinaryContent(byte[] content) {
        ensure(content.length);
        System.arraycopy(content, 0, bytes, size, content.length);
        size += content.length;
    }

    @Override
    public void writeContent(String s) {
        writeContent(s, 0, s.length());
    }

    /**
     * ASCII is copied a char a byte; from the first other char on, the rest of the range is encoded as UTF-8. Every
     * piece of text from data passes here (after jte's HTML escaping), so this is where invisible characters that
     * change how text reads are made visible: bidi overrides and isolates could show {@code gpt-4o} for another id,
     * and control characters have no business in a page. Each becomes {@code [U+XXXX]}; a numeric entity would not
     * do, the browser decodes it back to the same character.
     */
    @Override
    public void writeContent(String s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || hidden(c)) {
                writeRest(s, i, to);
                return;
            }
            bytes[size++] = (byte) c;
        }
    }

    private void writeRest(String s, int from, int to) {
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (hidden(c)) {
                writeBinaryContent(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
                writeBinaryContent(String.format("[U+%04X]", (int) c).getBytes(StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        writeBinaryContent(s.substring(start, to).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Characters shown as their code: C0 controls but tab and line breaks, DEL and C1 controls, the marks and
     * embeddings, overrides and isolates of the Unicode bidi algorithm (U+200E/F, U+202A..U+202E, U+2066..U+2069).
     */
    static boolean hidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
