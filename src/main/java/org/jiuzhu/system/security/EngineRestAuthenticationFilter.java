package org.jiuzhu.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.jiuzhu.system.identity.LoginThrottledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP Basic for every request to {@code /engine-rest}, {@code /engine-rest/engine} included (Camunda's
 * own filter lets that one through): a missing or wrong password gets 401 with the Basic challenge, a
 * throttled one 429 with the Chinese reason and Retry-After. Requests run as the user, with their groups
 * and tenants, so Camunda's authorizations apply.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final ProcessEngine engine;
    private final ObjectMapper json;

    EngineRestAuthenticationFilter(ProcessEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    private record Credentials(String userId, String password) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Credentials credentials = credentialsOf(request);
        IdentityService identityService = engine.getIdentityService();
        boolean valid;
        try {
            valid = credentials != null && identityService.checkPassword(credentials.userId(), credentials.password());
        } catch (LoginThrottledException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            JsonRefusal.send(json, response, HttpStatus.TOO_MANY_REQUESTS, "LoginThrottled", e.getMessage());
            return;
        }
        if (!valid) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC + "realm=\"" + engine.getName() + "\"");
            return;
        }
        String userId = credentials.userId();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Credentials credentialsOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BASIC)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
