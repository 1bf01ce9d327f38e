package io.modelatlas.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the web site and JSON API.")
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--refresh-every", paramLabel = "DURATION", description = {
            "Refresh the catalog from the live upstreams in the background, first at start, then every DURATION (30m, 6h, 1d;",
            "at least 5m). When instances share PostgreSQL, one refreshes at a time. Without it, serve fetches nothing."})
    String refreshEvery;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        if (refreshEvery == null) {
            context.server().serve(host, port);
        } else {
            context.server().serve(host, port, interval(refreshEvery));
        }
        return Main.OK;
    }

    /** The politest interval a server may poll upstreams at: their files change daily at most. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})([smhd])");

    /** {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d}. */
    static Duration interval(String text) {
        Matcher m = INTERVAL.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException("--refresh-every: expected a duration such as 30m, 6h or 1d (a whole number and s, m, h or d), got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(MIN_INTERVAL) < 0) {
            throw new UsageException("--refresh-every: at least 5m, so that upstreams are not polled harder than they change; got '" + text + "'");
        }
        return d;
    }
}
