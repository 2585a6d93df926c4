package org.jiuzhu.engine;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The Spring beans a plugin hands to the engine, looked up when the engine first needs them: a plugin is
 * built before the engine, and the beans may use the engine.
 */
final class LaterBeans {

    private LaterBeans() {
    }

    static <T> Supplier<List<T>> of(ObjectProvider<T> provider) {
        return SingletonSupplier.of(() -> provider.orderedStream().toList());
    }
}
