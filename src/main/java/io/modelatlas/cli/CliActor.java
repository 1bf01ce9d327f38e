package io.modelatlas.cli;

/** Who the audit log names for a change made on the command line. */
final class CliActor {
    private CliActor() {}

    static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
