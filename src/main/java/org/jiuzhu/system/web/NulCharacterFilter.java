package org.jiuzhu.system.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Refuses a NUL character (0x00) in the query, the form fields or a JSON body (also written {@code \u0000})
 * with a Chinese 400, before it reaches the database: PostgreSQL cannot store it in text and answered
 * with a 500. The path and the headers are the container's: it refuses a NUL there itself.
 */
class NulCharacterFilter extends OncePerRequestFilter {

    private static final String MESSAGE = "提交的内容含有空字符（NUL），请删除后重新提交";

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            refuse(request, response);
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean api = WebRequests.isApi(WebRequests.pathOf(request));
        if (WebRequests.isJson(type) || (api && type.startsWith("application/x-www-form-urlencoded"))) {
            // Read here and handed on: the APIs read the body themselves, past the container's parameters.
            byte[] body = request.getInputStream().readAllBytes();
            if (WebRequests.isJson(type) ? jsonHasNul(body) : formHasNul(body)) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                if (hasNul(field.getKey()) || Arrays.stream(field.getValue()).anyMatch(NulCharacterFilter::hasNul)) {
                    refuse(request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static boolean formHasNul(byte[] body) {
        return containsZeroByte(body) || new String(body, StandardCharsets.ISO_8859_1).contains("%00");
    }

    /** Strings and names of the JSON; a body that is not JSON at all is the API's to refuse. */
    static boolean jsonHasNul(byte[] body) throws IOException {
        if (containsZeroByte(body)) {
            return true;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && hasNul(parser.getText())) {
                    return true;
                }
            }
        } catch (JsonProcessingException notJson) {
            return false;
        }
        return false;
    }

    private static boolean containsZeroByte(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebRequests.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", MESSAGE);
    }
}
