package org.jiuzhu.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The answer to the Camunda webapps' own login endpoint, logged in or not: 403, use our login page. */
class WebappLoginRefusal implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String MESSAGE = "请在本系统的登录页（/login）登录";

    private final ObjectMapper json;

    WebappLoginRefusal(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        refuse(response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        refuse(response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        JsonRefusal.send(json, response, HttpStatus.FORBIDDEN, "LoginRefused", MESSAGE);
    }
}
