package io.modelatlas.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and fails with {@link UploadTooLargeException} once more than {@code limit} have been read;
 * the exception states {@code stated}, the limit the page promises (the form's own fields get a little room on top).
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final long stated;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        this(in, limit, limit);
    }

    LimitedInputStream(InputStream in, long limit, long stated) {
        super(in);
        this.limit = limit;
        this.stated = stated;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new UploadTooLargeException(stated);
        }
    }
}
