package io.modelatlas.eval.openai;

import io.modelatlas.eval.EndpointException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads a response body line by line with a deadline. java.net.http has no read timeout for a body, so the body is
 * taken as a publisher and handed over through a queue that the caller polls with what is left of the deadline; on a
 * deadline or an interrupt the subscription is cancelled, which closes the connection. A line is decoded only once it
 * is whole, so a UTF-8 character split across two network chunks decodes correctly.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final LongSupplier nanoTime;
    private volatile Flow.Subscription subscription;
    private boolean ended;

    BodyReader(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            queue.add(bytes);
        }
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
    String nextLine(long deadlineNanos, String what) {
        while (true) {
            byte[] buf = pending.toByteArray();
            for (int i = 0; i < buf.length; i++) {
                if (buf[i] == '\n') {
                    int end = i > 0 && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, 0, end, StandardCharsets.UTF_8);
                    pending.reset();
                    pending.write(buf, i + 1, buf.length - i - 1);
                    return line;
                }
            }
            if (ended) {
                if (buf.length == 0) {
                    return null;
                }
                pending.reset();
                return new String(buf, StandardCharsets.UTF_8);
            }
            Object next = poll(deadlineNanos, what);
            if (next == END) {
                ended = true;
            } else if (next instanceof Throwable t) {
                throw new EndpointException(EndpointException.Kind.STREAM_CUT, 200, "the connection broke while reading " + what + ": "
                        + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), null);
            } else {
                pending.write((byte[]) next, 0, ((byte[]) next).length);
            }
        }
    }

    /** The rest of the body, at most {@code limit} bytes (the rest is dropped). */
    String rest(long deadlineNanos, int limit, String what) {
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = nextLine(deadlineNanos, what)) != null) {
            if (out.length() < limit) {
                out.append(line).append('\n');
            }
        }
        return out.length() > limit ? out.substring(0, limit) : out.toString();
    }

    private Object poll(long deadlineNanos, String what) {
        long left = deadlineNanos - nanoTime.getAsLong();
        try {
            Object next = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                cancel();
                throw new EndpointException(EndpointException.Kind.TIMEOUT, 0, "no complete answer within the timeout while reading " + what, null);
            }
            return next;
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
