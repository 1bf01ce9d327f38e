package io.modelatlas.replay;

/**
 * How a log file is read: on at most {@code threads} threads, one part each, and only when it has at least
 * {@code minBytes} bytes (below that, starting threads costs more than it saves). Tests cut tiny files into many parts.
 */
public record ReadParallelism(int threads, long minBytes) {
    /** A small file is read on one thread: 8 MB parse in well under a second. */
    static final long SMALL_FILE = 8L * 1024 * 1024;
    /** Past four, the parts' merge and the scan for cuts gain little on the machines replay runs on. */
    static final int MOST_THREADS = 4;

    public ReadParallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes cannot be negative, got " + minBytes);
        }
    }

    /** One thread per core, at most {@value #MOST_THREADS}, for files of {@value #SMALL_FILE} bytes or more. */
    public static ReadParallelism ofThisMachine() {
        return new ReadParallelism(Math.min(MOST_THREADS, Runtime.getRuntime().availableProcessors()), SMALL_FILE);
    }

    /** Up to {@code threads} threads for files of {@value #SMALL_FILE} bytes or more. */
    public static ReadParallelism upTo(int threads) {
        return new ReadParallelism(threads, SMALL_FILE);
    }

    /** Everything on the calling thread, as a stream is read. */
    public static ReadParallelism oneThread() {
        return new ReadParallelism(1, Long.MAX_VALUE);
    }
}
