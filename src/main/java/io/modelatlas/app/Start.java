package io.modelatlas.app;

import java.util.Optional;

/**
 * The jar's entry point. It hands the command to a tuned second JVM when it may ({@link Relaunch}) before any class of
 * the application is loaded: verifying {@link Launcher#main} alone would load dozens of them from the jar, and this
 * first JVM only waits.
 */
public final class Start {
    private Start() {}

    public static void main(String[] args) {
        Optional<Integer> relaunched = Relaunch.run(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        Launcher.main(args);
    }
}
