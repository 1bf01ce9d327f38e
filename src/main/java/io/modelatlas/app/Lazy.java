package io.modelatlas.app;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A value made on first use, once; commands that never need the store or the catalog never pay for them. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }

    /** Runs {@code action} on the value if it was made. */
    synchronized void ifCreated(Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }
}
