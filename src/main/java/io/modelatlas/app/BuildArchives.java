package io.modelatlas.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by the build right after the jar is made ({@code pom.xml}): makes the class-data archives beside it with the JVM
 * that runs the build, so that the README's first {@code java -jar ... serve} starts from its archive. The command's
 * archive would otherwise be made by the first command (2 s); the server's is made only here (a first start does not
 * wait 5 s for it), so a jar copied elsewhere serves without one. A failure leaves no archive and fails no build.
 */
public final class BuildArchives {
    private BuildArchives() {}

    public static void main(String[] args) {
        Path jar = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("no jar at " + jar + ": no class-data archives made");
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // side by side: the two runs share nothing but the jar
        Thread command = new Thread(() -> Relaunch.makeArchive(java, jar, Relaunch.Launch.COMMAND));
        command.start();
        Relaunch.makeArchive(java, jar, Relaunch.Launch.SERVER);
        try {
            command.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Relaunch.Launch launch : List.of(Relaunch.Launch.COMMAND, Relaunch.Launch.SERVER)) {
            Path archive = launch.archiveOf(jar);
            if (!Relaunch.current(archive, jar)) {
                System.err.println("could not make the class-data archive " + archive + ": " + launch + " runs without it");
            }
        }
    }
}
