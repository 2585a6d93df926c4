package org.jiuzhu.system.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Marks the thread while it serves an HTTP request, so that {@link StatementTimeoutDataSource} can tell a
 * request's work from the job executor's and the application's own. The first filter of all: the session,
 * the security chain and everything after them may read the database.
 */
final class RequestThreads implements Filter {

    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

    static boolean servingRequest() {
        return SERVING.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean outer = SERVING.get();
        SERVING.set(true);
        try {
            chain.doFilter(request, response);
        } finally {
            SERVING.set(outer);
        }
    }
}
