package io.modelatlas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the web site and JSON API.")
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        context.server().serve(host, port);
        return Main.OK;
    }
}
