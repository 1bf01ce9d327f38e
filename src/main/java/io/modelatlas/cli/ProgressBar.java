package io.modelatlas.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on standard error for a long read, by bytes: redrawn in place with a carriage return each
 * time the whole percentage changes (at most 101 times, whatever the file size), and wiped when the read ends so
 * that the report starts on a clean line.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** {@code in}, reporting on this bar as it is read. */
    InputStream track(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    /** Synchronized: the parts of a file read on several threads all advance the one bar. */
    synchronized void advance(long bytes) {
        done += bytes;
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = percent * WIDTH / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + " of " + megabytes(total));
            err.flush();
        }
    }

    /** Wipes the bar. */
    void finish() {
        if (shownPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 20 + megabytes(total).length()) + "\r");
            err.flush();
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    /** When to show a bar: {@code auto} shows it only when standard error is a terminal. */
    enum Mode {
        AUTO, ALWAYS, NEVER;

        boolean show() {
            return this == ALWAYS || this == AUTO && stderrIsTerminal();
        }
    }

    /**
     * Whether standard error is a terminal. Linux tells through /proc (fd 2 links to a tty or pty device); elsewhere
     * the JDK only knows whether the process as a whole has a console, which is the best guess there.
     */
    static boolean stderrIsTerminal() {
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }
}
