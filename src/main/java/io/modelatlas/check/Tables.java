package io.modelatlas.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Markdown tables ({@code | a | b |} rows, the second a {@code |---|} rule), read so that a figure in a cell is
 * known by its row's label and its column's header: "| Input price | $2 / 1M tokens | $0.4 / 1M tokens |" under
 * "| Spec | GPT-4.1 | GPT-4.1 Mini |" gives each price its model.
 */
final class Tables {
    private final Article article;
    /** For each line, the line of its table's header, or 0 when the line is not a table row below a header. */
    private final int[] headerOf;

    Tables(Article article) {
        this.article = article;
        this.headerOf = new int[article.lineCount() + 1];
        int header = 0;
        for (int n = 1; n <= article.lineCount(); n++) {
            String line = article.line(n).strip();
            if (!line.startsWith("|")) {
                header = 0;
            } else if (header == 0 && n < article.lineCount() && isRule(article.line(n + 1))) {
                header = n;
            } else if (header != 0 && !isRule(line)) {
                headerOf[n] = header;
            }
        }
    }

    private static boolean isRule(String line) {
        String t = line.strip();
        return t.startsWith("|") && t.replaceAll("[|:\\-\\s]", "").isEmpty() && t.contains("-");
    }

    /** A cell: its 0-based index, the [start, end) of its text in its line, and the text. */
    record Cell(int line, int index, int start, int end, String text) {}

    /** The cell that holds the column of a table row, if the line is one. */
    Optional<Cell> cellAt(int line, int column) {
        if (headerOf[line] == 0) {
            return Optional.empty();
        }
        return cells(line).stream().filter(c -> column >= c.start() && column < c.end()).findFirst();
    }

    /** The header cell above a cell. */
    Optional<Cell> header(Cell cell) {
        List<Cell> header = cells(headerOf[cell.line()]);
        return cell.index() < header.size() ? Optional.of(header.get(cell.index())) : Optional.empty();
    }

    /** The first cell of a row: what the row is about ("Input price", "Context window"). */
    String rowLabel(int line) {
        List<Cell> cells = cells(line);
        return cells.isEmpty() ? "" : cells.get(0).text();
    }

    /** The header cells of the table a row belongs to. */
    List<Cell> headerCells(int line) {
        return headerOf[line] == 0 ? List.of() : cells(headerOf[line]);
    }

    List<Cell> cells(int line) {
        String s = article.line(line);
        List<Cell> out = new ArrayList<>();
        int first = s.indexOf('|');
        for (int i = first; i >= 0 && i < s.length(); ) {
            int next = s.indexOf('|', i + 1);
            if (next < 0) {
                break;
            }
            out.add(new Cell(line, out.size(), i + 1, next, s.substring(i + 1, next).strip()));
            i = next;
        }
        return out;
    }
}
