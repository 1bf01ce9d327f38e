package io.modelatlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar} start hands the command to a second JVM with {@code bin/modelatlas}'s flags; anything
 * else runs as it was told. The end-to-end cases run real JVMs on a small jar of {@link Relaunch} and
 * {@link RelaunchProbe}, built here from the compiled classes.
 */
class RelaunchTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void buildProbeJar() throws IOException {
        jar = dir.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RelaunchProbe.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> c : List.of(Relaunch.class, RelaunchProbe.class)) {
                Path classes = Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath());
                String prefix = c.getName().replace('.', '/');
                try (var files = Files.list(classes.resolve(prefix).getParent())) {
                    for (Path f : files.filter(p -> p.getFileName().toString().startsWith(c.getSimpleName())).toList()) {
                        out.putNextEntry(new JarEntry(prefix.substring(0, prefix.lastIndexOf('/') + 1) + f.getFileName()));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
    }

    @Test
    void only_exactly_java_jar_with_a_command_is_relaunched() {
        Path real = jar;
        String[] cost = {"cost", "gpt-4.1"};
        List<String> plain = List.of("/usr/bin/java", "-jar", real.toString(), "cost", "gpt-4.1");
        assertThat(Relaunch.plainJar(plain, cost, NO_ENV, false)).contains(real.toAbsolutePath());
        assertThat(Relaunch.plainJar(plain, cost, NO_ENV, true)).as("the second JVM itself").isEmpty();
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-Xmx1g", "-jar", real.toString(), "cost", "gpt-4.1"), cost, NO_ENV, false))
                .as("options of the user's own").isEmpty();
        assertThat(Relaunch.plainJar(plain, cost, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), false)).isEmpty();
        assertThat(Relaunch.plainJar(plain, cost, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseZGC"), false)).isEmpty();
        assertThat(Relaunch.plainJar(plain, cost, Map.of("MODELATLAS_RELAUNCH", "0"), false)).isEmpty();
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-jar", real.toString(), "serve"), new String[] {"serve"}, NO_ENV, false))
                .as("a server, for its archive alone").contains(real.toAbsolutePath());
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-jar", real.toString(), "replay", "log.jsonl"), new String[] {"replay", "log.jsonl"},
                NO_ENV, false)).as("replay, for the serial GC and the archive").contains(real.toAbsolutePath());
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-jar", real.toString(), "cost", "--help"), new String[] {"cost", "--help"},
                NO_ENV, false)).as("usage text is picocli alone").isEmpty();
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-jar", real.toString(), "help", "cost"), new String[] {"help", "cost"},
                NO_ENV, false)).isEmpty();
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-jar", real.toString()), new String[0], NO_ENV, false)).isEmpty();
        assertThat(Relaunch.plainJar(List.of("/usr/bin/java", "-cp", real.toString(), "io.modelatlas.app.Launcher", "cost", "gpt-4.1"), cost, NO_ENV, false))
                .isEmpty();
        assertThat(Relaunch.plainJar(List.of(), cost, NO_ENV, false)).as("a platform that does not give the command line").isEmpty();
    }

    @Test
    void the_second_jvm_gets_the_flags_the_archive_the_mark_and_the_arguments_in_order() {
        Path jarPath = Path.of("/opt/m/modelatlas.jar");
        Path archive = Relaunch.Launch.COMMAND.archiveOf(jarPath);
        assertThat(archive).isEqualTo(Path.of("/opt/m/modelatlas.jsa"));
        assertThat(Relaunch.childCommand(Path.of("/j/bin/java"), Relaunch.Launch.COMMAND, jarPath, Optional.of(archive), new String[] {"cost", "x y"}))
                .containsExactly("/j/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-XX:SharedArchiveFile=/opt/m/modelatlas.jsa", "-Dmodelatlas.relaunched=true", "-jar", "/opt/m/modelatlas.jar", "cost", "x y");
    }

    @Test
    void the_server_keeps_c2_and_gets_the_serial_gc_and_its_own_archive() {
        Path jarPath = Path.of("/opt/m/modelatlas.jar");
        Path archive = Relaunch.Launch.SERVER.archiveOf(jarPath);
        assertThat(archive).isEqualTo(Path.of("/opt/m/modelatlas-serve.jsa"));
        assertThat(Relaunch.Launch.of(new String[] {"serve", "--port", "0"})).isEqualTo(Relaunch.Launch.SERVER);
        assertThat(Relaunch.childCommand(Path.of("/j/bin/java"), Relaunch.Launch.SERVER, jarPath, Optional.of(archive), new String[] {"serve", "--port", "9"}))
                .containsExactly("/j/bin/java", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=/opt/m/modelatlas-serve.jsa",
                        "-Dmodelatlas.relaunched=true", "-jar", "/opt/m/modelatlas.jar", "serve", "--port", "9");
    }

    @Test
    void an_archive_older_than_the_jar_is_not_current() throws IOException {
        Path j = Files.writeString(dir.resolve("stale.jar"), "jar");
        Path a = Files.writeString(dir.resolve("stale.jsa"), "archive");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(j, FileTime.fromMillis(2_000_000));
        assertThat(Relaunch.current(a, j)).isFalse();
        Files.setLastModifiedTime(a, FileTime.fromMillis(3_000_000));
        assertThat(Relaunch.current(a, j)).isTrue();
        assertThat(Relaunch.current(dir.resolve("missing.jsa"), j)).isFalse();
    }

    @Test
    void a_plain_start_runs_the_command_in_a_tuned_second_jvm_with_an_archive_and_its_exit_code() throws Exception {
        Run first = java(List.of("-jar", jar.toString(), "exit", "7"), Map.of(), null);
        assertThat(first.code).isEqualTo(7);
        assertThat(first.out).contains("relaunched=true").contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
        assertThat(first.err).isEqualTo("to stderr\n");
        Path archive = dir.resolve("probe.jsa");
        assertThat(archive).as("made once, beside the jar").isRegularFile();
        assertThat(Relaunch.current(archive, jar)).isTrue();
        assertThat(dir).isDirectoryNotContaining("glob:**/probe.jsa.*");

        Run second = java(List.of("-jar", jar.toString(), "exit", "0"), Map.of(), null);
        assertThat(second.code).isZero();
        assertThat(second.out).contains("relaunched=true").contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void standard_input_reaches_the_second_jvm() throws Exception {
        Run r = java(List.of("-jar", jar.toString(), "stdin"), Map.of(), "a line of input\n");
        assertThat(r.out).contains("relaunched=true").contains("read=a line of input");
    }

    @Test
    void a_jvm_given_options_or_told_not_to_runs_the_command_itself() throws Exception {
        Run tuned = java(List.of("-Xmx256m", "-jar", jar.toString(), "exit", "3"), Map.of(), null);
        assertThat(tuned.code).isEqualTo(3);
        assertThat(tuned.out).contains("relaunched=false").doesNotContain("TieredStopAtLevel");
        Run off = java(List.of("-jar", jar.toString(), "exit", "0"), Map.of("MODELATLAS_RELAUNCH", "0"), null);
        assertThat(off.out).contains("relaunched=false");
    }

    @Test
    void a_replay_keeps_c2_and_gets_the_serial_gc_and_the_commands_archive() throws Exception {
        Run replay = java(List.of("-jar", jar.toString(), "replay", "log.jsonl"), Map.of(), null);
        assertThat(replay.out).contains("relaunched=true").contains("-XX:+UseSerialGC").contains("-XX:SharedArchiveFile=" + dir.resolve("probe.jsa"))
                .doesNotContain("TieredStopAtLevel");
    }

    @Test
    void a_server_runs_in_this_jvm_without_its_archive_and_in_a_second_one_with_it() throws Exception {
        Path serverJar = Files.copy(jar, dir.resolve("server.jar"));
        Run without = java(List.of("-jar", serverJar.toString(), "serve"), Map.of(), null);
        assertThat(without.out).contains("relaunched=false");
        assertThat(dir.resolve("server-serve.jsa")).as("never made by a start").doesNotExist();

        Relaunch.makeArchive(Path.of(System.getProperty("java.home"), "bin", "java"), serverJar, Relaunch.Launch.SERVER);
        Path archive = dir.resolve("server-serve.jsa");
        assertThat(archive).as("made of the training run, which the probe lets exit").isRegularFile();

        Run with = java(List.of("-jar", serverJar.toString(), "serve"), Map.of(), null);
        assertThat(with.out).contains("relaunched=true").contains("-XX:SharedArchiveFile=" + archive).contains("-XX:+UseSerialGC")
                .doesNotContain("TieredStopAtLevel");
    }

    @Test
    void stopping_the_first_jvm_stops_the_second_and_waits_for_it_to_finish() throws Exception {
        Path marker = dir.resolve("stopped-cleanly");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "linger",
                marker.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process first = pb.start();
        Path ready = Path.of(marker + ".ready");
        for (int i = 0; i < 1_500 && !Files.exists(ready); i++) {
            Thread.sleep(20);
        }
        assertThat(ready).as("the second JVM is running").exists();

        first.destroy(); // SIGTERM to the first JVM only, as a supervisor stops a server

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(marker).as("the second JVM's shutdown (1 s long) had finished when the first exited").hasContent("done");
    }

    private record Run(int code, String out, String err) {}

    private static Run java(List<String> args, Map<String, String> env, String input) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("MODELATLAS_RELAUNCH");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the JVM exits").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
