package org.jiuzhu.system.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What the request filters share: the path, whether it is an API request, and how to refuse one. */
public final class WebRequests {

    /** Request attribute with the Chinese message our error page shows in place of the status's explanation. */
    public static final String ERROR_DETAIL = "jiuzhu.errorDetail";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebRequests() {
    }

    /** The path inside the application, decoded and normalised, without the context path. */
    public static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The engine's REST API and the webapps' API answer in Camunda's JSON error format, never with a page. */
    public static boolean isApi(String path) {
        return path.equals("/engine-rest") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    }

    /** JSON bodies: {@code application/json}, and the {@code +json} types such as HAL. */
    public static boolean isJson(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.endsWith("/json") || type.endsWith("+json");
    }

    /**
     * Answers with the status and the Chinese message: {@code {"type": …, "message": …}} on the APIs, our plain
     * error page everywhere else. Written here and now, without the container's error dispatch, which would
     * read the body a filter refused.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
                              String message) throws IOException {
        if (isApi(pathOf(request))) {
            writeJson(response, status, type, message);
        } else {
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PlainErrorPage.html(ErrorTexts.of(status).title(), message));
        }
    }

    static void writeJson(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json(type, message));
    }

    static String json(String type, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("type", type, "message", message));
    }
}
