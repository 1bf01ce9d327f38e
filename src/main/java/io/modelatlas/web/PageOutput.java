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

    /** ASCII is copied a char a byte; from the first other char on, the rest of the range is encoded as UTF-8. */
    @Override
    public void writeContent(String s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                writeBinaryContent(s.substring(i, to).getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[size++] = (byte) c;
        }
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
