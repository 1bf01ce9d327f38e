package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.MiniData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name of an uploaded log comes from the client: it is never used as a path (nothing is written anywhere), and it
 * is shown only as its last segment, without control characters, escaped. It picks CSV or JSONL by its ending.
 */
class UploadFileNameTest {
    private static final String CSV = "model,input_tokens,output_tokens\ngpt-4o-mini,1000,100\n";
    private static final Pattern TITLE = Pattern.compile("<h2 id=\"report-title\">(.*?): ", Pattern.DOTALL);
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = WebApp.create(WebContext.of(Catalog.of(List.of(Fixtures.gpt4oMini())), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "../../etc/passwd.csv                      | passwd.csv",
            "..\\..\\..\\windows\\x.csv                | x.csv",
            "/etc/passwd.csv                           | passwd.csv",
            "C:\\Windows\\System32\\drivers.csv        | drivers.csv",
            "file:///etc/shadow.csv                    | shadow.csv",
            "\\\\server\\share\\log.csv                | log.csv",
            "..                                        | upload.jsonl",
            ".                                         | upload.jsonl",
            "logs/..                                   | upload.jsonl",
            "%2e%2e%2fetc%2fpasswd.csv                 | %2e%2e%2fetc%2fpasswd.csv",
            "<img src=x onerror=alert(1)>.csv          | &lt;img src=x onerror=alert(1)&gt;.csv",
            "a&b'c.csv                                 | a&amp;b'c.csv",
            "NUL\u0000inside.csv                       | NULinside.csv",
            "bidi\u202Evsc.csv                         | bidivsc.csv",
            "tab\tand\u0007bell.csv                    | tabandbell.csv",
    })
    void a_hostile_file_name_is_shown_as_its_last_segment_escaped_and_never_used_as_a_path(String sent, String shown) throws Exception {
        String marker = "upload-" + System.nanoTime();
        // the name as sent, with a marker directory in it: were it used as a path, the marker would appear on disk
        String name = sent.contains("/") ? sent.replaceFirst("/", "/" + marker + "/") : sent;
        byte[] log = (shown.endsWith(".csv") ? CSV : "{\"model\":\"gpt-4o-mini\",\"input_tokens\":1000,\"output_tokens\":100}\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = ReplayWebTest.upload(app, "gpt-4o-mini", name, log, "text/html");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher title = TITLE.matcher(r.body());
        assertThat(title.find()).as(r.body()).isTrue();
        assertThat(title.group(1)).isEqualTo(shown);
        assertThat(r.body()).doesNotContain("<img src=x").doesNotContain("\u0000").doesNotContain("\u202E").doesNotContain(marker)
                .contains("1 requests");
        for (Path root : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath(), Path.of("/etc"))) {
            try (Stream<Path> files = Files.walk(root, 2)) {
                assertThat(files.filter(p -> p.toString().contains(marker))).as(root.toString()).isEmpty();
            }
        }
    }

    @Test
    void a_name_longer_than_any_file_name_is_cut_to_its_end_and_one_past_the_header_limit_is_refused() throws Exception {
        HttpResponse<String> longName = ReplayWebTest.upload(app, "gpt-4o-mini", "a".repeat(1000) + ".csv", CSV.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(longName.statusCode()).isEqualTo(200);
        Matcher title = TITLE.matcher(longName.body());
        assertThat(title.find()).isTrue();
        assertThat(title.group(1)).hasSize(255).startsWith("…").endsWith("aaa.csv");

        HttpResponse<String> huge = ReplayWebTest.upload(app, "gpt-4o-mini", "a".repeat(100_000) + ".csv", CSV.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("a part&#39;s headers are longer than").doesNotContain("a".repeat(300));
    }
}
