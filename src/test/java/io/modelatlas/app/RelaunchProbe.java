package io.modelatlas.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The main class of the small jar {@link RelaunchTest} builds: starts as the jar's {@link Start} does, then says which JVM
 * ran the command and with which flags. {@code exit N} exits with N; {@code stdin} echoes its first line of input.
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
        System.err.println("to stderr");
        System.exit(args.length > 1 && args[0].equals("exit") ? Integer.parseInt(args[1]) : 0);
    }
}
