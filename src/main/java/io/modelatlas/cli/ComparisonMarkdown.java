package io.modelatlas.cli;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Strength;

import io.modelatlas.compare.Comparison;
import io.modelatlas.compare.Comparison.BenchmarkRow;
import io.modelatlas.compare.Comparison.Cell;
import io.modelatlas.compare.Comparison.ScenarioCell;
import io.modelatlas.compare.Comparison.ScenarioRow;
import io.modelatlas.compare.Comparison.SpecRow;
import io.modelatlas.compare.Comparison.VolumeRow;
import io.modelatlas.compare.Comparison.VolumeTable;
import io.modelatlas.compare.Difference;
import io.modelatlas.compare.Format;
import io.modelatlas.compare.ImageCosts;
import io.modelatlas.compare.Performance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a comparison as Markdown (and, with {@code plain}, as terminal text): every section of the web page. */
final class ComparisonMarkdown {
    private ComparisonMarkdown() {}

    static String render(Comparison c) {
        StringBuilder md = new StringBuilder();
        List<Model> models = c.models();
        md.append("# ").append(text(c.title())).append("\n\n");
        for (Model m : models) {
            md.append("- **").append(text(m.displayName())).append("** (").append(code(m.id())).append(", ").append(text(m.creatorName())).append(")");
            if (m.description() != null) {
                md.append(": ").append(text(m.description().value()));
            }
            md.append("\n");
        }
        md.append("\n## At a glance\n\n");
        md.append(tableHeader("Spec", models));
        Set<String> footnotes = new LinkedHashSet<>();
        for (SpecRow row : c.specs()) {
            md.append("| ").append(row.label());
            for (Cell cell : row.cells()) {
                md.append(" | ").append(text(cell.text()));
                if (cell.disputed()) {
                    md.append(" (also: ").append(text(String.join("; ", cell.otherSources()))).append(")");
                }
                if (cell.source() != null) {
                    footnotes.add(text(cell.source().describe()));
                }
            }
            md.append(" |\n");
        }
        md.append("\nSources: ").append(String.join("; ", footnotes)).append(".\n");

        md.append("\n## How they differ\n\n");
        for (Difference d : c.differences()) {
            md.append("- ").append(text(d.sentence())).append("\n");
        }

        if (models.stream().anyMatch(m -> !m.strengths().isEmpty())) {
            md.append("\n## Strengths side by side\n");
            for (Model m : models) {
                md.append("\n### ").append(text(m.displayName())).append("\n\n");
                if (m.strengths().isEmpty()) {
                    md.append("No curated strengths yet.\n");
                }
                int i = 1;
                for (Strength s : m.strengths()) {
                    md.append(i++).append(". **").append(text(s.title())).append("**\n");
                    for (String p : s.points()) {
                        md.append("   - ").append(text(p)).append("\n");
                    }
                }
                if (!m.bestFor().isEmpty()) {
                    md.append("\nBest for: ").append(text(String.join("; ", m.bestFor()))).append(".\n");
                }
            }
        }

        // image models are priced per image: their token tables and scenarios would only say "price unknown"
        if (!c.allImageModels()) {
            tokenCosts(md, c);
        }
        if (c.hasImages()) {
            images(md, c);
        }
        if (!c.allImageModels()) {
            scenarios(md, c);
        }
        return performanceAndAfter(md, c);
    }

    /** Per-image prices and images per month, the same rows as the web page's. */
    private static void images(StringBuilder md, Comparison c) {
        ImageCosts images = c.images();
        List<Model> models = c.models();
        md.append("\n## Cost per image\n\n");
        md.append(tableHeader("Quality, size", models, "Cheaper"));
        for (ImageCosts.PriceRow r : images.prices()) {
            md.append("| ").append(text(r.variant().label()));
            for (int i = 0; i < models.size(); i++) {
                md.append(" | ").append(images.perImageText(i, r.usdPerImage().get(i)));
            }
            md.append(" | ").append(r.cheapestModelId() == null ? "—" : text(c.nameOf(r.cheapestModelId()))).append(" |\n");
        }
        md.append("\n## Images per month\n\n");
        List<String> headers = new ArrayList<>(List.of("Images per month", "Quality, size"));
        models.forEach(m -> headers.add(text(m.displayName())));
        headers.add("Cheaper");
        md.append("| ").append(String.join(" | ", headers)).append(" |\n|").append("---|".repeat(headers.size())).append("\n");
        for (ImageCosts.MonthRow r : images.monthly()) {
            md.append("| ").append(Format.count(r.imagesPerMonth())).append(" | ").append(text(r.variant().label()));
            for (int i = 0; i < models.size(); i++) {
                md.append(" | ").append(images.monthlyText(i, r.usd().get(i)));
            }
            md.append(" | ").append(r.cheapestModelId() == null ? "—" : text(c.nameOf(r.cheapestModelId())) + " saves " + Format.usdCents(r.saving())).append(" |\n");
        }
    }

    private static void tokenCosts(StringBuilder md, Comparison c) {
        List<Model> models = c.models();
        md.append("\n## Cost per month\n");
        for (VolumeTable t : c.volumes()) {
            md.append("\n### ").append(t.blend().label()).append("\n\n").append(t.definition()).append("\n\n");
            md.append(tableHeader("Tokens per month", models));
            md.append("| Blended price per 1M");
            for (int i = 0; i < models.size(); i++) {
                BigDecimal b = t.blendedPerMillion().get(i);
                md.append(" | ").append(b == null ? c.noTokenCost(i) : Format.usd(b));
            }
            md.append(" |\n");
            for (VolumeRow r : t.rows()) {
                md.append("| ").append(Format.compactTokens(r.tokensPerMonth()));
                for (int i = 0; i < models.size(); i++) {
                    BigDecimal cost = r.costs().get(i);
                    md.append(" | ").append(cost == null ? c.noTokenCost(i) : Format.usdCents(cost));
                }
                md.append(" |\n");
            }
            VolumeRow last = t.rows().get(t.rows().size() - 1);
            if (last.cheapestModelId() != null) {
                md.append("\nAt ").append(Format.compactTokens(last.tokensPerMonth())).append(" tokens a month, ")
                        .append(text(c.nameOf(last.cheapestModelId()))).append(" saves ").append(Format.usdCents(last.saving())).append(".\n");
            }
            for (int i = 0; i < models.size(); i++) {
                if (t.cacheNotes().get(i) != null) {
                    md.append("\n").append(text(models.get(i).displayName())).append(": ").append(t.cacheNotes().get(i)).append(".\n");
                }
            }
        }
    }

    private static void scenarios(StringBuilder md, Comparison c) {
        List<Model> models = c.models();
        md.append("\n## Scenarios\n\n");
        List<String> headers = new ArrayList<>(List.of("Scenario", "Tokens in / cached / out"));
        models.forEach(m -> headers.add(text(m.displayName()) + " per 1,000 requests"));
        headers.add("Cheaper");
        md.append("| ").append(String.join(" | ", headers)).append(" |\n|").append("---|".repeat(headers.size())).append("\n");
        for (ScenarioRow r : c.scenarios()) {
            md.append("| ").append(text(r.scenario().name())).append(" | ").append(Format.count(r.scenario().inputTokens())).append(" / ")
                    .append(Format.count(r.scenario().cachedInputTokens())).append(" / ").append(Format.count(r.scenario().outputTokens()));
            for (ScenarioCell cell : r.cells()) {
                md.append(" | ").append(cell.costPer1000() == null ? text(cell.note()) : Format.usdCents(cell.costPer1000()));
            }
            md.append(" | ").append(r.cheapestModelId() == null ? "—" : text(c.nameOf(r.cheapestModelId()))).append(" |\n");
        }
    }

    private static String performanceAndAfter(StringBuilder md, Comparison c) {
        List<Model> models = c.models();
        md.append("\n## Which performs better\n\n");
        if (c.performance().empty()) {
            md.append(text(c.performance().noneSentence(models))).append("\n");
        } else {
            for (Performance.Row r : c.performance().headline()) {
                md.append("- ").append(text(r.finding())).append("\n");
            }
            md.append("\nEvery shared benchmark, as published (leader in bold; LMArena ratings whose 95% intervals overlap are a tie):\n\n");
            md.append("| Benchmark | Variant | ").append(models.stream().map(m -> text(m.displayName())).collect(Collectors.joining(" | ")))
                    .append(" | Source |\n|").append("---|".repeat(models.size() + 3)).append("\n");
            for (Performance.Row r : c.performance().rows()) {
                md.append("| ").append(text(r.benchmark().title())).append(" | ").append(r.variant().isEmpty() ? "default" : text(r.variant()));
                for (LeaderboardScore s : r.scores()) {
                    String score = s.scoreText() + (s.snapshot() == null ? "" : " (snapshot " + s.snapshot() + ")");
                    md.append(" | ").append(r.leaders().contains(s.modelId()) ? "**" + score + "**" : score);
                }
                md.append(" | ").append(text(r.benchmark().source() + " (" + r.scores().get(0).source().asOf() + ")")).append(" |\n");
            }
        }

        if (!c.benchmarks().isEmpty()) {
            md.append("\n## Benchmarks\n\n");
            md.append("| Benchmark | ").append(models.stream().map(m -> text(m.displayName())).collect(Collectors.joining(" | ")))
                    .append(" | Source |\n|").append("---|".repeat(models.size() + 2)).append("\n");
            for (BenchmarkRow r : c.benchmarks()) {
                md.append("| ").append(text(r.fullName()));
                Set<String> sources = new LinkedHashSet<>();
                for (Benchmark b : r.scores()) {
                    md.append(" | ").append(b == null ? "—" : Format.number(b.score()));
                    if (b != null) {
                        sources.add(b.source().source() + " (" + b.source().asOf() + ")");
                    }
                }
                md.append(" | ").append(text(String.join("; ", sources))).append(" |\n");
            }
        }

        md.append("\n## Which should you choose?\n\n");
        for (Comparison.Recommendation r : c.recommendations()) {
            md.append("- **").append(text(r.job())).append("**: ").append(text(r.modelName())).append(". ").append(text(r.reason())).append("\n");
        }
        if (models.stream().allMatch(m -> m.type() == io.modelatlas.catalog.ModelType.CHAT)) {
            md.append("\nSwitching is a change of model id:\n\n```python\nresponse = client.chat.completions.create(\n    model=\"")
                    .append(models.get(1).id()).append("\",  # was \"").append(models.get(0).id()).append("\"\n    messages=messages,\n)\n```\n");
        }

        md.append("\n## FAQs\n");
        for (Comparison.Faq f : c.faqs()) {
            md.append("\n**").append(text(f.question())).append("**\n\n").append(text(f.answer())).append("\n");
        }
        if (!c.related().isEmpty()) {
            md.append("\n## Related comparisons\n\n");
            for (Comparison.Related r : c.related()) {
                md.append("- [").append(text(r.title())).append("](").append(r.path()).append(") (").append(text(r.reason())).append(")\n");
            }
        }
        return md.toString();
    }

    private static String tableHeader(String first, List<Model> models, String last) {
        return "| " + first + " | " + models.stream().map(m -> text(m.displayName())).collect(Collectors.joining(" | ")) + " | " + last + " |\n|"
                + "---|".repeat(models.size() + 2) + "\n";
    }

    private static String tableHeader(String first, List<Model> models) {
        return "| " + first + " | " + models.stream().map(m -> text(m.displayName())).collect(Collectors.joining(" | ")) + " |\n|"
                + "---|".repeat(models.size() + 1) + "\n";
    }


    /**
     * Catalog text (names, descriptions, notes, sentences built from them) as literal Markdown on one line: a {@code |}
     * would split a table cell, and {@code * _ [ ] < >} and friends would become emphasis, links or raw HTML in a
     * renderer. Each is backslash-escaped, which CommonMark and GitHub read as the character itself. Backticks are left
     * alone: a code span only makes text more literal, and the FAQs' own {@code `model`} spans stay code.
     */
    static String text(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if ("\\*_[]<>|&#!~".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** An id as inline code; an id holding a backtick cannot be one, so it is written as text instead. */
    private static String code(String id) {
        return id.indexOf('`') >= 0 ? text(id) : "`" + id + "`";
    }

}
