package io.modelatlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md, checked on the sources: an import scan of {@code src/main/java} (import lines and
 * fully qualified names in code; comments and string literals do not count). Each broken rule is reported with the
 * file and the name it depends on.
 *
 * <ul>
 *   <li>web and cli never import the store: they get its ports from the composition root (app), the only package
 *       besides the store itself that imports it;</li>
 *   <li>the core (pricing, tokens, catalog, compare) depends only on the JDK and itself, but for {@link #CORE_EXCEPTIONS};</li>
 *   <li>the store's public API does not mention Jackson;</li>
 *   <li>nothing but app depends on web or cli (web and cli do not depend on each other either);</li>
 *   <li>what web and cli write as JSON ({@code Json.write(...)}, {@code Pages.json(ctx, ...)}) is a record of
 *       {@code io.modelatlas.api}, the one JSON contract, but for {@link #JSON_EXCEPTIONS}.</li>
 * </ul>
 */
class ArchitectureTest {
    private static final String ROOT = "io.modelatlas";
    private static final List<String> CORE = List.of(ROOT + ".pricing", ROOT + ".tokens", ROOT + ".catalog", ROOT + ".compare");
    private static final List<String> JDK = List.of("java", "javax");

    /** A dependency of a core package outside the JDK and the core that is allowed, and why. */
    record Allowance(String from, String to, String reason) {}

    static final List<Allowance> CORE_EXCEPTIONS = List.of(
            new Allowance(ROOT + ".tokens", "com.knuddels.jtokkit",
                    "STYLE.md: tokens may use jtokkit (JDK only + jtokkit); JtokkitTokenCounter wraps it"),
            new Allowance(ROOT + ".catalog.source", "com.fasterxml.jackson",
                    "catalog.source turns the data files into records; STYLE.md confines Jackson to it, eval.openai and web.api"),
            new Allowance(ROOT + ".catalog", ROOT + ".text",
                    "text holds JDK-only string helpers (Clip, Csv); text_imports_only_the_jdk keeps them so"));

    /**
     * A value web or cli may write as JSON though its expression does not start with an api type ("file: expression"),
     * and why.
     */
    static final Map<String, String> JSON_EXCEPTIONS = Map.of(
            "io/modelatlas/web/Pages.java: body", "Pages.json is the helper itself; what its callers pass is checked",
            "io/modelatlas/web/ErrorMapping.java: p", "the RFC 9457 problem (web.Problem), the error contract, is written in this one place");

    @Test
    void web_and_cli_write_only_api_records_as_json() {
        Map<String, String> sources = mainSources();
        assertThat(jsonViolations(sources)).as("JSON written from something other than an io.modelatlas.api record").isEmpty();
        // every exception still names a call that exists, so the list cannot outlive its reason
        Set<String> calls = new LinkedHashSet<>();
        sources.forEach((file, source) -> jsonValues(file, source).forEach(v -> calls.add(file + ": " + v)));
        assertThat(calls).containsAll(JSON_EXCEPTIONS.keySet());
    }

    @Test
    void the_json_rule_reports_a_domain_object_a_map_and_a_string_but_not_api_records() {
        Map<String, String> files = new TreeMap<>();
        files.put("io/modelatlas/web/Routes.java", """
                package io.modelatlas.web;

                import io.modelatlas.api.Json;
                import io.modelatlas.api.CostJson;
                import io.modelatlas.replay.ReplayReport;
                import java.util.Map;

                class Routes {
                    void a(Context c, ReplayReport r) {
                        Pages.json(c, CostJson.from(r));
                        Pages.json(c, new CostJson.LimitsJson(1L, 2L, 3L));
                        String s = Json.write(io.modelatlas.api.ModelJson.from(r));
                        String t = PageJson.write(r); // embedded in a page, not served as JSON
                        Pages.json(c, Map.of("runs", r));
                        String u = Json.write(r);
                        String v = io.modelatlas.api.Json.write(ReplayReport.of(r));
                        String w = Json.write("text");
                    }
                }
                """);
        files.put("io/modelatlas/store/Elsewhere.java", """
                package io.modelatlas.store;

                class Elsewhere {
                    String s = Json.write(this);
                }
                """);

        assertThat(jsonViolations(files)).containsExactly(
                "io/modelatlas/web/Routes.java: JSON written from a value that is not an io.modelatlas.api record: Map.of",
                "io/modelatlas/web/Routes.java: JSON written from a value that is not an io.modelatlas.api record: r",
                "io/modelatlas/web/Routes.java: JSON written from a value that is not an io.modelatlas.api record: ReplayReport.of",
                "io/modelatlas/web/Routes.java: JSON written from a value that is not an io.modelatlas.api record: ");
    }

    @Test
    void main_sources_follow_the_dependency_rules() {
        Map<String, String> sources = mainSources();
        assertThat(sources).as("the scan found the sources").hasSizeGreaterThan(100);
        assertThat(violations(sources)).as("dependency rules of STYLE.md").isEmpty();
    }

    @Test
    void text_imports_only_the_jdk() {
        List<String> out = new ArrayList<>();
        mainSources().forEach((file, source) -> {
            Parsed p = parse(source);
            if (within(p.pkg(), ROOT + ".text")) {
                p.dependencies().stream().filter(d -> !isJdk(d) && !within(packageOf(d), ROOT + ".text")).forEach(d -> out.add(file + " depends on " + d));
            }
        });
        assertThat(out).isEmpty();
    }

    @Test
    void the_scanner_reports_each_broken_rule_with_file_and_name() {
        Map<String, String> files = new TreeMap<>();
        files.put("io/modelatlas/web/Bad.java", """
                package io.modelatlas.web;

                import io.modelatlas.store.Store;
                import java.util.List;

                class Bad {}
                """);
        files.put("io/modelatlas/cli/Sneaky.java", """
                package io.modelatlas.cli;

                /** Mentions io.modelatlas.store.Comment in a comment, which is no dependency. */
                class Sneaky {
                    String s = "io.modelatlas.store.InAString";
                    Object o = io.modelatlas.store.Store.open("jdbc:sqlite:x");
                }
                """);
        files.put("io/modelatlas/pricing/Leaky.java", """
                package io.modelatlas.pricing;

                import com.fasterxml.jackson.databind.JsonNode;
                import io.modelatlas.catalog.Model;

                record Leaky(JsonNode n, Model m) {}
                """);
        files.put("io/modelatlas/store/Api.java", """
                package io.modelatlas.store;

                import com.fasterxml.jackson.databind.JsonNode;

                public final class Api {
                    public JsonNode patch(String id) {
                        return null;
                    }

                    JsonNode internal() {
                        return null;
                    }
                }
                """);
        files.put("io/modelatlas/refresh/Upward.java", """
                package io.modelatlas.refresh;

                import static io.modelatlas.cli.Main.USAGE;
                import io.modelatlas.store.StoreWriter;
                import io.modelatlas.web.WebApp;

                class Upward {}
                """);
        files.put("io/modelatlas/app/Root.java", """
                package io.modelatlas.app;

                import io.modelatlas.cli.Main;
                import io.modelatlas.store.Store;
                import io.modelatlas.web.WebApp;

                class Root {}
                """);
        files.put("io/modelatlas/tokens/Allowed.java", """
                package io.modelatlas.tokens;

                import com.knuddels.jtokkit.Encodings;
                import java.util.List;

                class Allowed {}
                """);

        List<String> found = violations(files);

        assertThat(found).containsExactlyInAnyOrder(
                "io/modelatlas/web/Bad.java: web and cli never import the store: io.modelatlas.store.Store",
                "io/modelatlas/cli/Sneaky.java: web and cli never import the store: io.modelatlas.store.Store.open",
                "io/modelatlas/pricing/Leaky.java: the core depends only on the JDK and the core: com.fasterxml.jackson.databind.JsonNode",
                "io/modelatlas/store/Api.java: the store's public API mentions Jackson: public JsonNode patch(String id)",
                "io/modelatlas/refresh/Upward.java: only app depends on web or cli: io.modelatlas.cli.Main.USAGE",
                "io/modelatlas/refresh/Upward.java: only app wires the store to the ports it implements: io.modelatlas.store.StoreWriter",
                "io/modelatlas/refresh/Upward.java: only app depends on web or cli: io.modelatlas.web.WebApp");
    }

    // ---- the scanner ----

    /** Every broken rule, as "file: rule: name". */
    static List<String> violations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        sources.forEach((file, source) -> {
            Parsed p = parse(source);
            String pkg = p.pkg();
            for (String d : p.dependencies()) {
                String target = packageOf(d);
                if (within(target, ROOT + ".store") && !within(pkg, ROOT + ".store")) {
                    if (within(pkg, ROOT + ".web") || within(pkg, ROOT + ".cli")) {
                        out.add(file + ": web and cli never import the store: " + d);
                    } else if (!within(pkg, ROOT + ".app")) {
                        out.add(file + ": only app wires the store to the ports it implements: " + d);
                    }
                }
                if (isCore(pkg) && !isJdk(d) && !isCore(target) && !allowed(pkg, d)) {
                    out.add(file + ": the core depends only on the JDK and the core: " + d);
                }
                if (!within(pkg, ROOT + ".app") && dependsUpward(pkg, target)) {
                    out.add(file + ": only app depends on web or cli: " + d);
                }
            }
            if (within(pkg, ROOT + ".store")) {
                p.publicDeclarations().stream().filter(decl -> mentionsJackson(decl, p.jacksonNames()))
                        .forEach(decl -> out.add(file + ": the store's public API mentions Jackson: " + decl));
            }
        });
        return out;
    }

    /** {@code Json.write(} (plain or fully qualified, not {@code PageJson.write(}) and {@code Pages.json(ctx, }: where JSON is written. */
    private static final Pattern JSON_CALL = Pattern.compile("(?<![\\w.])(?:(?:io\\.modelatlas\\.api\\.)?Json\\.write\\(|Pages\\.json\\(\\s*\\w+\\s*,)\\s*");
    /** The head of the value's expression: {@code CostJson.from}, {@code new ModelSummaryJson.Page}, {@code body}. */
    private static final Pattern VALUE_HEAD = Pattern.compile("(?:new\\s+)?([A-Za-z_][\\w.]*)?");

    /** Every JSON-writing call in web and cli whose value is not an api record (nor excepted), as "file: rule: expression". */
    static List<String> jsonViolations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        sources.forEach((file, source) -> {
            Parsed p = parse(source);
            for (String value : jsonValues(file, source)) {
                String type = value.startsWith(ROOT + ".api.") ? value : ROOT + ".api." + value.split("\\.")[0];
                boolean api = value.startsWith(ROOT + ".api.") || !value.isEmpty() && p.dependencies().contains(type);
                if (!api && !JSON_EXCEPTIONS.containsKey(file + ": " + value)) {
                    out.add(file + ": JSON written from a value that is not an io.modelatlas.api record: " + value);
                }
            }
        });
        return out;
    }

    /** The heads of the values web and cli files write as JSON (nothing for other packages). */
    private static List<String> jsonValues(String file, String source) {
        String code = stripCommentsAndStrings(source);
        Parsed p = parse(source);
        List<String> values = new ArrayList<>();
        if (!within(p.pkg(), ROOT + ".web") && !within(p.pkg(), ROOT + ".cli")) {
            return values;
        }
        Matcher m = JSON_CALL.matcher(code);
        while (m.find()) {
            Matcher head = VALUE_HEAD.matcher(code);
            head.region(m.end(), code.length()).lookingAt();
            values.add(head.group(1) == null ? "" : head.group(1));
        }
        return values;
    }

    /** web or cli, seen from a package outside that one (web's own subpackages may use web). */
    private static boolean dependsUpward(String pkg, String target) {
        for (String edge : List.of(ROOT + ".web", ROOT + ".cli")) {
            if (within(target, edge) && !within(pkg, edge)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(String pkg, String dependency) {
        return CORE_EXCEPTIONS.stream().anyMatch(a -> within(pkg, a.from()) && within(packageOf(dependency), a.to()));
    }

    private static boolean isCore(String pkg) {
        return CORE.stream().anyMatch(c -> within(pkg, c));
    }

    private static boolean isJdk(String name) {
        return JDK.stream().anyMatch(j -> name.startsWith(j + "."));
    }

    /** {@code pkg} is {@code root} or one of its subpackages. */
    static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The package part of a qualified name: its leading lower-case segments ({@code a.b.C.d} → {@code a.b}). */
    static String packageOf(String name) {
        StringBuilder out = new StringBuilder();
        for (String segment : name.split("\\.")) {
            if (segment.isEmpty() || !Character.isLowerCase(segment.charAt(0))) {
                break;
            }
            out.append(out.isEmpty() ? "" : ".").append(segment);
        }
        return out.toString();
    }

    private static boolean mentionsJackson(String declaration, Set<String> jacksonNames) {
        if (declaration.contains("com.fasterxml.jackson")) {
            return true;
        }
        for (String name : jacksonNames) {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(declaration).find()) {
                return true;
            }
        }
        return false;
    }

    /** A source file as the rules see it. */
    record Parsed(String pkg, List<String> dependencies, List<String> publicDeclarations, Set<String> jacksonNames) {}

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);
    /** Qualified names written in code; variables are never called io, com, org, net, java or javax here. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(?:io|com|org|net|java|javax)(?:\\.[A-Za-z_]\\w*)+");
    private static final Pattern PUBLIC = Pattern.compile("\\bpublic\\b[^{;=]*");

    static Parsed parse(String source) {
        String code = stripCommentsAndStrings(source);
        Matcher pm = PACKAGE.matcher(code);
        String pkg = pm.find() ? pm.group(1) : "";
        Set<String> deps = new LinkedHashSet<>();
        Set<String> jackson = new LinkedHashSet<>();
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            deps.add(im.group(1));
            if (im.group(1).startsWith("com.fasterxml.jackson.")) {
                jackson.add(im.group(1).substring(im.group(1).lastIndexOf('.') + 1));
            }
        }
        String body = IMPORT.matcher(PACKAGE.matcher(code).replaceAll("")).replaceAll("");
        Matcher qm = QUALIFIED.matcher(body);
        while (qm.find()) {
            deps.add(qm.group());
        }
        List<String> declarations = new ArrayList<>();
        Matcher dm = PUBLIC.matcher(body);
        while (dm.find()) {
            declarations.add(dm.group().replaceAll("\\s+", " ").trim());
        }
        return new Parsed(pkg, List.copyOf(deps), declarations, jackson);
    }

    /** The source with comments, string and char literals (text blocks too) blanked, line breaks kept. */
    static String stripCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                out.append(s.substring(i, end).replaceAll("[^\n]", " "));
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                out.append("\"\"").append(s.substring(i + 3, end).replaceAll("[^\n]", " "));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, s.length());
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Every main source file, by its path under src/main/java (Maven runs tests in the project folder). */
    private static Map<String, String> mainSources() {
        Path root = Path.of("src/main/java");
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
