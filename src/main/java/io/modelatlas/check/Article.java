package io.modelatlas.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of an article as a person reads it, in lines. Markdown and plain text are kept as written; HTML is read by
 * {@link HtmlText} first, so line numbers of an HTML article are those of its readable text.
 */
public record Article(List<String> lines, boolean fromHtml) {
    public Article {
        lines = List.copyOf(lines);
    }

    /** Reads text, markdown or HTML (recognised by its opening tag). */
    public static Article parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean html = HtmlText.looksLikeHtml(t);
        String readable = html ? HtmlText.readable(t) : t;
        return new Article(List.of(readable.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)), html);
    }

    public String line(int number) {
        return lines.get(number - 1);
    }

    public int lineCount() {
        return lines.size();
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** The sentence of a line that holds the column (0-based), split at ". ", "? ", "! " and at the line's ends. */
    public Sentence sentenceAt(int line, int column) {
        String s = line(line);
        int start = 0;
        int end = s.length();
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(s.charAt(i + 1))) {
                if (i < column) {
                    start = i + 2;
                } else {
                    end = i + 1;
                    break;
                }
            }
        }
        return new Sentence(line, Math.min(start, s.length()), end);
    }

    /** The sentences of a line, in order. */
    public List<Sentence> sentences(int line) {
        List<Sentence> out = new ArrayList<>();
        int col = 0;
        String s = line(line);
        while (col < s.length()) {
            Sentence sentence = sentenceAt(line, col);
            out.add(sentence);
            col = Math.max(sentence.end() + 1, col + 1);
        }
        return out;
    }

    /** A sentence: line (1-based) and the 0-based [start, end) of its characters in the line. */
    public record Sentence(int line, int start, int end) {
        public boolean contains(int line, int column) {
            return this.line == line && column >= start && column < end;
        }
    }
}
