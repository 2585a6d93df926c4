package org.jiuzhu.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A refusal in the shape of the engine REST API's errors: {@code {"type": …, "message": …}}. */
final class JsonRefusal {

    private JsonRefusal() {
    }

    static void send(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), Map.of("type", type, "message", message));
    }
}
