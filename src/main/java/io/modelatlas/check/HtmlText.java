package io.modelatlas.check;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML page as a person reads it: scripts, styles, navigation, headers, footers and forms are dropped;
 * block elements end lines; table rows become markdown rows ({@code | a | b |}) so that tables are read as tables.
 * A reader of saved pages, not a validating parser: it never fails, whatever the markup.
 */
final class HtmlText {
    private static final Set<String> SKIPPED = Set.of("script", "style", "nav", "noscript", "template", "svg", "head", "footer", "form", "iframe");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "ul", "ol", "br", "hr", "table", "thead", "tbody", "blockquote", "pre", "dt", "dd", "figcaption", "header", "aside");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>|<!--.*?-->|<![^>]*>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

    private HtmlText() {}

    static boolean looksLikeHtml(String text) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<body")
                || head.startsWith("<article") || head.startsWith("<div") || head.startsWith("<p>") || head.startsWith("<h1");
    }

    static String readable(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(html);
        int at = 0;
        String skipping = null;
        int depth = 0;
        boolean rowOpen = false;
        while (m.find()) {
            String name = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = "/".equals(m.group(1));
            if (skipping == null) {
                out.append(text(html.substring(at, m.start())));
            }
            at = m.end();
            if (name == null) {
                continue;
            }
            if (skipping != null) {
                if (name.equals(skipping)) {
                    depth += closing ? -1 : 1;
                    if (depth == 0) {
                        skipping = null;
                    }
                }
                continue;
            }
            if (SKIPPED.contains(name) && !closing && m.group(3).isEmpty()) {
                skipping = name;
                depth = 1;
            } else if (name.equals("tr")) {
                if (!closing) {
                    newLine(out);
                    out.append('|');
                    rowOpen = true;
                } else {
                    rowOpen = false;
                    newLine(out);
                }
            } else if ((name.equals("td") || name.equals("th")) && closing && rowOpen) {
                out.append(" |");
            } else if ((name.equals("td") || name.equals("th")) && rowOpen) {
                out.append(' ');
            } else if (BLOCKS.contains(name)) {
                newLine(out);
            }
        }
        if (skipping == null) {
            out.append(text(html.substring(at)));
        }
        return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Character data: white space folded (HTML does), entities decoded. */
    private static String text(String raw) {
        String folded = raw.replaceAll("\\s+", " ");
        Matcher e = ENTITY.matcher(folded);
        StringBuilder out = new StringBuilder();
        while (e.find()) {
            e.appendReplacement(out, Matcher.quoteReplacement(entity(e.group(1), e.group())));
        }
        e.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "mdash" -> "\u2014";
            case "ndash" -> "\u2013";
            case "rsquo" -> "\u2019";
            case "times" -> "\u00d7";
            default -> whole;
        };
    }
}
