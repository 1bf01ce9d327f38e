package io.modelatlas.eval.openai;

import io.modelatlas.eval.EndpointException;
import io.modelatlas.eval.EndpointException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads a response body within a deadline and a size limit. java.net.http has no read timeout for a body, so the body
 * is taken as a publisher and handed over through a queue that the caller polls with what is left of the deadline.
 *
 * <ul>
 *   <li>The deadline is for the whole response: once it has passed nothing more is read, even while data keeps coming
 *       (an endpoint that never stops sending would otherwise never time out).</li>
 *   <li>At most {@code maxBytes} of body are read; past that the read stops with an error. Data is asked for one piece
 *       at a time, so the client never buffers more than one piece ahead of what was counted.</li>
 *   <li>On either, or on an interrupt, the subscription is cancelled, which closes the connection.</li>
 * </ul>
 * A line is decoded only once it is whole, so a UTF-8 character split across two network pieces decodes correctly.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final LongSupplier nanoTime;
    private final long deadlineNanos;
    private final Duration timeout;
    private final long maxBytes;
    private volatile Flow.Subscription subscription;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned;
    private long received;
    private boolean ended;

    /**
     * @param deadlineNanos when the whole response must be in, on {@code nanoTime}
     * @param timeout       the timeout the deadline was made from, for the message
     * @param maxBytes      the most bytes of body read
     */
    BodyReader(LongSupplier nanoTime, long deadlineNanos, Duration timeout, long maxBytes) {
        this.nanoTime = nanoTime;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the size limit must be between 1 byte and 2 GB, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        int size = 0;
        for (ByteBuffer b : buffers) {
            size += b.remaining();
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            b.get(bytes, at, n);
            at += n;
        }
        queue.add(bytes);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** The next line without its line break, or null at the end of the body. */
    String nextLine(String what) {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    int lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, start, lineEnd - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            if (ended) {
                if (start == end) {
                    return null;
                }
                String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
                start = end;
                return line;
            }
            read(what);
        }
    }

    /** The rest of the body, whole; past the size limit an error. */
    String rest(String what) {
        while (!ended) {
            read(what);
        }
        String text = new String(buf, start, end - start, StandardCharsets.UTF_8);
        start = end;
        return text;
    }

    /** At most the first {@code limit} bytes of the rest of the body; what follows is not read. */
    String head(int limit, String what) {
        while (!ended && end - start < limit) {
            read(what);
        }
        int n = Math.min(limit, end - start);
        String text = new String(buf, start, n, StandardCharsets.UTF_8);
        start += n;
        return text;
    }

    /** Waits for the next piece of the body, within the deadline, and appends it; marks the end of the body. */
    private void read(String what) {
        long left = deadlineNanos - nanoTime.getAsLong();
        if (left <= 0) {
            throw timedOut(what); // data may still be waiting: the deadline covers the whole response, not the pauses in it
        }
        Object next;
        try {
            next = queue.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        if (next == null) {
            throw timedOut(what);
        }
        if (next == END) {
            ended = true;
            return;
        }
        if (next instanceof Throwable t) {
            throw new EndpointException(Kind.STREAM_CUT, 200, "the connection broke while reading " + what + ": "
                    + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), null);
        }
        byte[] piece = (byte[]) next;
        received += piece.length;
        if (received > maxBytes) {
            cancel();
            throw new EndpointException(Kind.BODY_TOO_LARGE, 200, what + " went past the limit of " + size(maxBytes)
                    + " on a response body; the rest was not read", null);
        }
        append(piece);
        subscription.request(1);
    }

    private void append(byte[] piece) {
        if (end + piece.length > buf.length) {
            int kept = end - start;
            if (kept + piece.length > buf.length) {
                // kept + piece is at most maxBytes (counted above), so the buffer never grows past the limit
                buf = Arrays.copyOf(buf, (int) Math.max(kept + piece.length, Math.min(buf.length * 2L, maxBytes)));
            }
            System.arraycopy(buf, start, buf, 0, kept); // drop the lines already read
            scanned -= start;
            start = 0;
            end = kept;
        }
        System.arraycopy(piece, 0, buf, end, piece.length);
        end += piece.length;
    }

    private EndpointException timedOut(String what) {
        cancel();
        String message = received == 0
                ? "no answer within the " + duration(timeout) + " timeout"
                : "the " + duration(timeout) + " timeout passed while reading " + what + " (" + received + " bytes in); the timeout covers the whole response";
        return new EndpointException(Kind.TIMEOUT, 0, message, null);
    }

    /** A timeout as the operator gave it: whole seconds, or milliseconds. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A byte count in the largest whole unit. */
    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
