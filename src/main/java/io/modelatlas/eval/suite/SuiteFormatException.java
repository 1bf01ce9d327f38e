package io.modelatlas.eval.suite;

/** Thrown when a suite file (or a JSONL file of recorded requests) is not usable; the message names the file, line and key. */
public class SuiteFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String key;

    public SuiteFormatException(String file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + problem);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
