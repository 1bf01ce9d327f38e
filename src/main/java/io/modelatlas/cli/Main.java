package io.modelatlas.cli;

import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.pricing.PriceUnknownException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: arguments in, text on the context's writers, an exit code out (0 ok, 1 failure, 2 bad usage or
 * unknown model). Only {@code app.Launcher} (and the jar's entry point, {@code app.Start}) calls System.exit.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final CliContext context;

    public Main(CliContext context) {
        this.context = context;
    }

    /**
     * {@code scope = INHERIT} copies the standard help options (and the version) to every subcommand, to any depth,
     * so {@code --help} works on each of them, even one whose required parameters are missing.
     */
    @Command(name = "modelatlas", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "ModelAtlas 0.1.0",
            description = "Compare AI models and their prices from real catalog data.",
            subcommandsRepeatable = false)
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    public int run(String... args) {
        CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return exitCodeFor(ex);
        });
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the command named {@code first} when there is one by that name (what parsing the
     * arguments needs), else with every command: the root's usage, {@code help} and a misspelt command's
     * suggestions list them all.
     */
    CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Root());
        Object only = first == null ? null : Commands.named(first, context);
        if (only != null) {
            cli.addSubcommand(only);
        } else {
            for (Object command : Commands.all(context)) {
                cli.addSubcommand(command);
            }
            cli.addSubcommand(new HelpCommand());
        }
        // after the subcommands: picocli applies this setting only to commands present when it is called
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static int exitCodeFor(Exception ex) {
        if (ex instanceof UnknownModelException || ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (ex instanceof PriceUnknownException || ex instanceof io.modelatlas.replay.BadLineException) {
            return FAILURE;
        }
        return FAILURE;
    }
}
