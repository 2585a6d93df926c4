package org.jiuzhu.supervision;

import java.util.List;
import java.util.function.Consumer;

/** Queries over many ids, one statement per 500 of them: a database takes only so many parameters. */
final class IdChunks {

    static final int SIZE = 500;

    private IdChunks() {
    }

    static void forEach(List<String> ids, Consumer<List<String>> query) {
        for (int from = 0; from < ids.size(); from += SIZE) {
            query.accept(ids.subList(from, Math.min(ids.size(), from + SIZE)));
        }
    }
}
