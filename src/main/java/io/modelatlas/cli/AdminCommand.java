package io.modelatlas.cli;

import io.modelatlas.admin.AdminTokenInfo;
import io.modelatlas.admin.AuditEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "admin", description = "Tokens for the admin API, and the audit log.",
        subcommands = {AdminCommand.CreateToken.class, AdminCommand.RevokeToken.class, AdminCommand.ListTokens.class, AdminCommand.Audit.class})
final class AdminCommand implements Runnable {
    private final CliContext context;

    AdminCommand(CliContext context) {
        this.context = context;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    @Command(name = "create-token", description = "Create a bearer token for the admin API. It is printed once; only its hash is stored.")
    static final class CreateToken implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AdminCommand parent;

        @Parameters(paramLabel = "NAME", description = "Who or what uses the token; shown in the audit log.")
        String name;

        @Override
        public Integer call() {
            String token = parent.context.store().get().tokens().create(name);
            parent.context.err().println("Token '" + name + "' created. Keep it secret; it is not shown again. Send it as: Authorization: Bearer <token>");
            parent.context.out().println(token);
            return Main.OK;
        }
    }

    @Command(name = "revoke-token", description = "Revoke a token at once: requests with it get 401 from then on.")
    static final class RevokeToken implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AdminCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            parent.context.store().get().tokens().revoke(name);
            parent.context.out().println("Token '" + name + "' revoked.");
            return Main.OK;
        }
    }

    @Command(name = "list-tokens", description = "Token names, when they were created and revoked (never the tokens).")
    static final class ListTokens implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AdminCommand parent;

        @Override
        public Integer call() {
            for (AdminTokenInfo t : parent.context.store().get().tokens().list()) {
                parent.context.out().printf("%-24s created %s%s%n", t.name(), seconds(t.createdAt()), t.revoked() ? ", revoked " + seconds(t.revokedAt()) : "");
            }
            return Main.OK;
        }
    }

    @Command(name = "audit", description = "The newest changes: who, when, what, before and after.")
    static final class Audit implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        AdminCommand parent;

        @Option(names = "--limit", defaultValue = "50", description = "How many entries (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            for (AuditEntry a : parent.context.store().get().audit().recent(Math.max(1, limit))) {
                parent.context.out().printf("%s  %-20s %-14s %s%n", seconds(a.at()), a.actor(), a.action(), a.target());
                if (a.oldValue() != null) {
                    parent.context.out().println("    before: " + a.oldValue());
                }
                if (a.newValue() != null) {
                    parent.context.out().println("    after:  " + a.newValue());
                }
            }
            return Main.OK;
        }
    }

    /** Instants are stored to the nanosecond; people read seconds. */
    private static java.time.Instant seconds(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
