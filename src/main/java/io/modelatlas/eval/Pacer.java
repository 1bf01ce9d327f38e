package io.modelatlas.eval;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces request starts to at most {@code perMinute} a minute for one target: each request reserves the next free
 * slot and waits for it. Retries take slots too, so a rate-limited endpoint is not hammered.
 */
final class Pacer {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final EvalRunner.Sleeper sleeper;
    private long next;
    private boolean started;

    Pacer(int perMinute, LongSupplier nanoTime, EvalRunner.Sleeper sleeper) {
        this.intervalNanos = perMinute <= 0 ? 0 : 60_000_000_000L / perMinute;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (!started || next < now) {
                next = now;
                started = true;
            }
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
