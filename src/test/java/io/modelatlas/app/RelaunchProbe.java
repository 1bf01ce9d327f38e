package io.modelatlas.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The main class of the small jar {@link RelaunchTest} builds: starts as the jar's {@link Start} does, then says which JVM
 * ran the command and with which flags. {@code exit N} exits with N; {@code stdin} echoes its first line of input;
 * {@code linger FILE} writes FILE.ready and waits to be stopped, then takes a second to shut down and writes "done" to
 * FILE, as a server finishing its requests does.
 */
public final class RelaunchProbe {
    private RelaunchProbe() {}

    public static void main(String[] args) throws Exception {
        Optional<Integer> relaunched = Relaunch.run(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        System.out.println("relaunched=" + Boolean.getBoolean(Relaunch.MARK) + " flags=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (args.length > 0 && args[0].equals("stdin")) {
            System.out.println("read=" + new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine());
        }
        if (args.length > 1 && args[0].equals("linger")) {
            Path done = Path.of(args[1]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                    Files.writeString(done, "done");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            Files.writeString(Path.of(args[1] + ".ready"), "ready");
            Thread.sleep(120_000);
        }
        System.err.println("to stderr");
        System.exit(args.length > 1 && args[0].equals("exit") ? Integer.parseInt(args[1]) : 0);
    }
}
