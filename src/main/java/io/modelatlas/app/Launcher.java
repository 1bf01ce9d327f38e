package io.modelatlas.app;

/** Entry point of the runnable jar: the only place that calls System.exit. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("ModelAtlas");
    }
}
