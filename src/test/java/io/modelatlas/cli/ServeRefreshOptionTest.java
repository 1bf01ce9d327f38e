package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve --refresh-every}: the duration reaches the launcher; a bad one is a usage error (exit 2) naming the option. */
class ServeRefreshOptionTest {
    private final List<String> launched = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliContext.ServerLauncher launcher = new CliContext.ServerLauncher() {
            @Override
            public void serve(String host, int port) {
                launched.add(host + ":" + port);
            }

            @Override
            public void serve(String host, int port, Duration refreshEvery) {
                launched.add(host + ":" + port + " every " + refreshEvery);
            }
        };
        CliContext ctx = new CliContext(() -> (Catalog) null, io.modelatlas.fixtures.MiniData.CLOCK, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(err), launcher, (d, m, p) -> "", () -> null);
        return new Main(ctx).run(args);
    }

    @Test
    void a_duration_is_handed_to_the_launcher_and_without_the_option_nothing_refreshes() {
        assertThat(run("serve", "--port", "9999", "--refresh-every", "6h")).isZero();
        assertThat(run("serve", "--port", "9998", "--refresh-every", "30m")).isZero();
        assertThat(run("serve", "--port", "9997", "--refresh-every", "1d")).isZero();
        assertThat(run("serve", "--port", "9996")).isZero();
        assertThat(launched).containsExactly("127.0.0.1:9999 every PT6H", "127.0.0.1:9998 every PT30M", "127.0.0.1:9997 every PT24H", "127.0.0.1:9996");
    }

    @Test
    void a_bad_or_too_short_duration_is_a_usage_error_naming_the_option() {
        for (String bad : List.of("6", "6x", "h", "-5m", "1.5h", "", "6h30m")) {
            assertThat(run("serve", "--refresh-every", bad)).as(bad).isEqualTo(Main.USAGE);
            assertThat(err.toString()).contains("--refresh-every", "30m, 6h or 1d");
        }
        assertThat(run("serve", "--refresh-every", "1m")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--refresh-every: at least 5m", "'1m'");
        assertThat(launched).isEmpty();
    }

    @Test
    void a_launcher_that_cannot_fetch_refuses_the_option_rather_than_ignore_it() {
        CliContext.ServerLauncher plain = (h, p) -> launched.add(h + ":" + p);
        CliContext ctx = new CliContext(() -> (Catalog) null, io.modelatlas.fixtures.MiniData.CLOCK, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(err), plain, (d, m, p) -> "", () -> null);
        assertThat(new Main(ctx).run("serve", "--refresh-every", "6h")).isEqualTo(Main.USAGE);
        assertThat(launched).isEmpty();
    }
}
