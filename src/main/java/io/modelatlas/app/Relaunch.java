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
 * <p>Only a plain start is relaunched: a JVM given options of its own (on the command line, in
 * {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}) runs the command as it was told; so do {@code serve} and
 * {@code replay}, whose long loops need C2, and a JVM started with {@code MODELATLAS_RELAUNCH=0}. The second JVM shares this one's standard
 * streams and environment, and its exit code is this one's.
 */
final class Relaunch {
    /**
     * Commands that run one loop long enough for C2 to pay back: the server, and replay (1M requests on two models took
     * 3.0 s with C1 against 2.3 s with C2, same jar, alternating runs).
     */
    private static final java.util.Set<String> KEEP_C2 = java.util.Set.of("serve", "replay");
    private static final java.util.Set<String> HELP = java.util.Set.of("--help", "-h", "--version", "-V");
    /** Set on the second JVM, so that it never relaunches itself. */
    static final String MARK = "modelatlas.relaunched";
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr");
    /** What the archive is made from, as bin/modelatlas makes it: the classes of a catalog command. */
    private static final List<String> ARCHIVE_RUN = List.of("show", "gpt-4.1");
    private static final long ARCHIVE_TIMEOUT_SECONDS = 120;

    private Relaunch() {}

    /**
     * The jar this JVM runs when it was started as exactly {@code java -jar JAR args} and should hand the command to
     * a second JVM; empty when it should run the command itself.
     */
    static Optional<Path> plainJar(List<String> commandLine, String[] args, Map<String, String> env, boolean relaunched) {
        if (relaunched || "0".equals(env.get("MODELATLAS_RELAUNCH")) || args.length == 0 || KEEP_C2.contains(args[0]) || helpOnly(args)
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
    static List<String> childCommand(Path java, Path jar, Optional<Path> archive, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(FLAGS);
        archive.ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
        cmd.add("-D" + MARK + "=true");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Beside the jar, named after it, as bin/modelatlas names it: {@code target/modelatlas.jsa}. */
    static Path archiveOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
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
     * or the second JVM could not be started).
     */
    static Optional<Integer> run(String[] args) {
        Optional<Path> jar = plainJar(commandLine(), args, System.getenv(), Boolean.getBoolean(MARK));
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path archive = archiveOf(jar.get());
        if (!current(archive, jar.get())) {
            makeArchive(java, jar.get(), archive);
        }
        Optional<Path> usable = current(archive, jar.get()) ? Optional.of(archive) : Optional.empty();
        try {
            Process child = new ProcessBuilder(childCommand(java, jar.get(), usable, args)).inheritIO().start();
            // a terminated first JVM takes the second with it
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return Optional.of(waitFor(child));
        } catch (IOException e) {
            return Optional.empty();
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
     * Once per build of the jar, where the jar's folder is writable: a throwaway {@code show} over the bundled catalog
     * (in an empty home, so no store is read or made) archives its classes at exit, under a private name then renamed,
     * so that a concurrent start never maps a half-written archive. About 2 s, once; any failure leaves no archive.
     */
    static void makeArchive(Path java, Path jar, Path archive) {
        if (!Files.isWritable(archive.getParent())) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
        Path home = null;
        try {
            home = Files.createTempDirectory("modelatlas-archive");
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(FLAGS);
            cmd.add("-XX:ArchiveClassesAtExit=" + partial);
            cmd.add("-D" + MARK + "=true");
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.addAll(ARCHIVE_RUN);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().keySet().removeIf(name -> name.startsWith("MODELATLAS_")); // never the user's store
            pb.environment().put("MODELATLAS_HOME", home.resolve("none").toString());
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
                    Files.deleteIfExists(home);
                }
            } catch (IOException e) {
                // a leftover temporary file is harmless
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
