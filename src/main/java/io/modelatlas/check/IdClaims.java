package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model ids given as ids ("change the model ID to {@code gpt-4.1-mini-preview}"): written in lowercase with hyphens,
 * in the family of a model the article names, and in a sentence (or the line above) that speaks of a model id or
 * name, or in code quotes. Such an id is right when the catalog knows it exactly (an id, an alias or a provider's
 * id for an offering), else wrong, with the closest real ids.
 */
final class IdClaims {
    private static final Pattern ID = Pattern.compile("(?<![\\w./-])`?([a-z][a-z0-9]*(?:[-.:][a-z0-9]+)*-[a-z0-9.]+)`?(?![\\w/-])");
    private static final Pattern ID_WORDS = Pattern.compile("(?i)\\bmodel[\\s_-]*(?:id|ids|name|string|identifier|parameter)\\b|\"model\"\\s*:|\\bmodel=");

    private IdClaims() {}

    static List<Claim> find(CheckContext ctx) {
        Set<String> families = new TreeSet<>();
        ctx.mentions().all().forEach(m -> families.add(Mentions.family(m.model().id())));
        List<Claim> out = new ArrayList<>();
        Article a = ctx.article();
        for (int n = 1; n <= a.lineCount(); n++) {
            String line = a.line(n);
            Matcher m = ID.matcher(line);
            while (m.find()) {
                String id = m.group(1);
                boolean quoted = m.group().startsWith("`");
                if (!id.chars().anyMatch(Character::isDigit) || !families.contains(Mentions.family(id))) {
                    continue;
                }
                Article.Sentence s = a.sentenceAt(n, m.start(1));
                String context = line.substring(s.start(), s.end()) + " " + (n > 1 ? a.line(n - 1) : "");
                if (!quoted && !ID_WORDS.matcher(context).find()) {
                    continue;
                }
                out.add(judge(ctx, n, m.start(1), m.end(1), id));
            }
        }
        return out;
    }

    private static Claim judge(CheckContext ctx, int n, int start, int end, String id) {
        Optional<Model> exact = ctx.catalog().models().stream().filter(m -> m.id().equalsIgnoreCase(id)
                || m.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(id))
                || m.offerings().stream().anyMatch(o -> o.apiModelId().equalsIgnoreCase(id))).findFirst();
        if (exact.isPresent()) {
            Model m = exact.get();
            return Claims.of(ctx, n, start, end, ClaimKind.MODEL_ID, List.of(m), id, "a model id of " + m.displayName() + " (" + m.id() + ")",
                    Verdict.RIGHT, null, List.of(m.contextWindow() == null ? m.status().source() : m.contextWindow().source()));
        }
        List<String> closest = closest(ctx, id);
        String actual = "no model has the id " + id + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest));
        return Claims.of(ctx, n, start, end, ClaimKind.MODEL_ID, List.of(), id, actual, Verdict.WRONG,
                closest.isEmpty() ? "No model has the id " + id + "." : "Use " + String.join(" or ", closest) + ": no model has the id " + id + ".", List.of());
    }

    /** The model the id names once its unknown tail goes ("gpt-4.1-mini-preview": gpt-4.1-mini and its snapshots). */
    private static List<String> closest(CheckContext ctx, String id) {
        for (String base = id; base.lastIndexOf('-') > 0; ) {
            base = base.substring(0, base.lastIndexOf('-'));
            Optional<Model> m = ctx.catalog().find(base);
            if (m.isPresent()) {
                List<String> out = new ArrayList<>();
                out.add(m.get().id());
                ctx.catalog().versions(m.get()).forEach(v -> out.add(v.id()));
                m.get().offerings().stream().filter(o -> o.provider().equals(m.get().creatorId())).map(o -> o.apiModelId())
                        .filter(x -> !out.contains(x)).forEach(out::add);
                return out;
            }
        }
        return ctx.catalog().suggest(id, 3);
    }
}
