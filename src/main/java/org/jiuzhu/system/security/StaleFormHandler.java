package org.jiuzhu.system.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A citizen's form posted with a CSRF token that no longer fits (the session expired, the server was
 * restarted with a new store, the page stayed open for hours) is not an attack to answer with "no
 * permission": the form comes back filled with what was typed, with a fresh token and a notice to
 * submit again. The stale request itself is never acted on: it is forwarded to a page that only shows
 * the form ({@code …/resubmit}), never to the handler that stores.
 */
public class StaleFormHandler implements AccessDeniedHandler {

    /** Request attribute set on the forwarded request (the pages' notice is {@code form.stale} in messages). */
    public static final String STALE_FORM = "jiuzhu.staleForm";

    private static final Pattern OBJECTION = Pattern.compile("/notices/(\\d{1,18})/objection");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String resubmit = denied instanceof CsrfException && "POST".equals(request.getMethod())
                ? resubmitPathOf(pathOf(request)) : null;
        if (resubmit == null || response.isCommitted()) {
            otherwise.handle(request, response, denied);
            return;
        }
        request.setAttribute(STALE_FORM, Boolean.TRUE);
        request.getRequestDispatcher(resubmit).forward(request, response);
    }

    /** The page that re-shows the public form posted to {@code path}; null for every other path. */
    static String resubmitPathOf(String path) {
        if ("/apply".equals(path) || "/status".equals(path)) {
            return path + "/resubmit";
        }
        Matcher objection = OBJECTION.matcher(path);
        return objection.matches() ? path + "/resubmit" : null;
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
