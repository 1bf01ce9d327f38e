package io.modelatlas.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Plain {@code java -jar modelatlas.jar COMMAND} runs the command in a second JVM started with the flags of
 * {@code bin/modelatlas}: C1 only (a command runs its code too few times for C2 to pay back its compile time), serial
 * GC, and a class-data archive (AppCDS) of the classes a catalog command loads, mapped instead of read and verified on
 * every start. On this 2-core machine that halves the CPU of an export and takes a third off a short command, for
 * about 0.1 s of a first JVM that only starts the second and waits for it.
 *
 * <p>{@code serve} keeps C2 (its request loops run for hours) and gets an archive of its own, of a start that creates a
 * store and answers the first pages (made by the build, see {@link BuildArchives}), and the serial GC: under
 * bench/load.sh it held the server at 363-427 MB RSS where G1, as the JVM picks it on this 24 GB machine, grew to
 * 1.3-1.6 GB, for 24,500 requests/s against 26,200 and a lower p99 (12.9 ms against 17.8). Without a current archive
 * the server runs in this JVM, as before.
 *
 * <p>{@code replay} keeps C2 too (1M requests on two models took 3.0 s with C1 against 2.3 s with C2) and gets the
 * serial GC and the command's archive: on a LiteLLM JSON export of 1M requests, 7% less wall time than G1 (median of
 * 5 alternating runs) at half the RSS (244 MB against 476 MB).
 *
 * <p>Only a plain start is relaunched: a JVM given options of its own (on the command line, in
 * {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}) runs the command as it was told; so does a JVM started with
 * {@code MODELATLAS_RELAUNCH=0}. The second JVM shares this one's standard streams and environment, its exit code is
 * this one's, and stopping this JVM stops it first.
 */
final class Relaunch {
    private static final String SERVE = "serve";
    private static final String REPLAY = "replay";
    private static final java.util.Set<String> HELP = java.util.Set.of("--help", "-h", "--version", "-V");
    /** Set on the second JVM, so that it never relaunches itself. */
    static final String MARK = "modelatlas.relaunched";
    /** Set on the run that makes the server's archive: it answers the first pages and exits (ServeWarmUp). */
    static final String WARM_UP = "modelatlas.warm-up";
    /** JVM warnings to stderr, as every command's own messages go, never into a command's output. */
    static final List<String> LOGGING = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", LOGGING.get(0), LOGGING.get(1));
    /** For a long loop: the full JIT kept. */
    static final List<String> LONG_RUN_FLAGS = List.of("-XX:+UseSerialGC", LOGGING.get(0), LOGGING.get(1));
    private static final List<String> SHOW = List.of("show", "gpt-4.1");
    private static final long ARCHIVE_TIMEOUT_SECONDS = 120;
    /** How long a stopped first JVM waits for the second to finish what it is doing (a server's requests in flight). */
    private static final long STOP_SECONDS = 60;

    /** How a command's second JVM starts, and the run its archive is made of (in an empty home, never the user's). */
    enum Launch {
        /** A catalog command; its archive is made on first use (about 2 s, once) from a {@code show}. */
        COMMAND(FLAGS, ".jsa", List.of(), SHOW),
        /** A replay: C2, serial GC, and the command's archive. */
        REPLAY_LOG(LONG_RUN_FLAGS, ".jsa", List.of(), SHOW),
        /** The server: C2, serial GC, and an archive of a start that creates a store and answers the first pages. */
        SERVER(LONG_RUN_FLAGS, "-serve.jsa", List.of("-D" + WARM_UP + "=true"), List.of(SERVE, "--host", "127.0.0.1", "--port", "0"));

        final List<String> flags;
        private final String suffix;
        private final List<String> trainingProperties;
        private final List<String> trainingRun;

        Launch(List<String> flags, String suffix, List<String> trainingProperties, List<String> trainingRun) {
            this.flags = flags;
            this.suffix = suffix;
            this.trainingProperties = trainingProperties;
            this.trainingRun = trainingRun;
        }

        static Launch of(String[] args) {
            return args[0].equals(SERVE) ? SERVER : args[0].equals(REPLAY) ? REPLAY_LOG : COMMAND;
        }

        /** Beside the jar, named after it, as bin/modelatlas names the command's: {@code target/modelatlas.jsa}. */
        Path archiveOf(Path jar) {
            String name = jar.getFileName().toString();
            return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + suffix);
        }
    }

    private Relaunch() {}

    /**
     * The jar this JVM runs when it was started as exactly {@code java -jar JAR args} and should hand the command to
     * a second JVM; empty when it should run the command itself.
     */
    static Optional<Path> plainJar(List<String> commandLine, String[] args, Map<String, String> env, boolean relaunched) {
        if (relaunched || "0".equals(env.get("MODELATLAS_RELAUNCH")) || args.length == 0 || helpOnly(args)
                || !blank(env.get("JDK_JAVA_OPTIONS")) || !blank(env.get("JAVA_TOOL_OPTIONS"))) {
            return Optional.empty();
        }
        if (commandLine.size() != 3 + args.length || !commandLine.get(1).equals("-jar")
                || !commandLine.subList(3, commandLine.size()).equals(Arrays.asList(args))) {
            return Optional.empty();
        }
        Path jar = Path.of(commandLine.get(2));
        return Files.isRegularFile(jar) && jar.getFileName().toString().endsWith(".jar") ? Optional.of(jar.toAbsolutePath()) : Optional.empty();
    }

    /** The second JVM's command line: the flags, the archive when there is a current one, the mark, the jar, the args. */
    static List<String> childCommand(Path java, Launch launch, Path jar, Optional<Path> archive, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(launch.flags);
        archive.ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
        cmd.add("-D" + MARK + "=true");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** An archive made after the jar was (a rebuilt jar makes it stale: the JVM would refuse it anyway). */
    static boolean current(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs the command in a second JVM and returns its exit code; empty when this JVM should run it (not a plain start,
     * a server without its archive, or the second JVM could not be started).
     */
    static Optional<Integer> run(String[] args) {
        Optional<Path> jar = plainJar(commandLine(), args, System.getenv(), Boolean.getBoolean(MARK));
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Launch launch = Launch.of(args);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path archive = launch.archiveOf(jar.get());
        if (!current(archive, jar.get())) {
            if (launch == Launch.SERVER) {
                return Optional.empty(); // its archive takes 5 s to make: the build makes it, a first start does not wait
            }
            makeArchive(java, jar.get(), launch);
        }
        Optional<Path> usable = current(archive, jar.get()) ? Optional.of(archive) : Optional.empty();
        try {
            Process child = new ProcessBuilder(childCommand(java, launch, jar.get(), usable, args)).inheritIO().start();
            // a stopped first JVM stops the second and waits for it: a server finishes its requests and closes its store
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
            return Optional.of(waitFor(child));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    /** This JVM's own command line (from /proc on Linux), or an empty list where the platform does not say. */
    private static List<String> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return List.of();
        }
        List<String> line = new ArrayList<>();
        line.add(info.command().get());
        line.addAll(Arrays.asList(info.arguments().get()));
        return line;
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the second JVM's exit is this one's
            }
        }
    }

    /**
     * Once per build of the jar, where the jar's folder is writable: a throwaway run of the launch's training command
     * in an empty home (the bundled catalog; a server's run makes its own store there) archives its classes at exit,
     * under a private name then renamed, so that a concurrent start never maps a half-written archive. Any failure
     * leaves no archive.
     */
    static void makeArchive(Path java, Path jar, Launch launch) {
        Path archive = launch.archiveOf(jar);
        if (!Files.isWritable(archive.getParent())) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
        Path home = null;
        try {
            home = Files.createTempDirectory("modelatlas-archive");
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(launch.flags);
            cmd.add("-XX:ArchiveClassesAtExit=" + partial);
            cmd.add("-D" + MARK + "=true");
            cmd.addAll(launch.trainingProperties);
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.addAll(launch.trainingRun);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().keySet().removeIf(name -> name.startsWith("MODELATLAS_")); // never the user's store
            pb.environment().put("MODELATLAS_HOME", home.resolve("home").toString());
            Process p = pb.start();
            p.getOutputStream().close();
            if (p.waitFor(ARCHIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            // no archive: the second JVM starts without one
        } finally {
            try {
                Files.deleteIfExists(partial);
                if (home != null) {
                    deleteTree(home);
                }
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Usage and version text: picocli alone, where a second JVM costs more (0.42 s against 0.38 s) than it saves. */
    private static boolean helpOnly(String[] args) {
        return args[0].equals("help") || Arrays.stream(args).anyMatch(a -> HELP.contains(a));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
