package org.jiuzhu.system.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On our own pages, engine calls run as the logged-in user, so Camunda authorizations limit what
 * they see exactly as in Tasklist and Cockpit. The webapps and the REST API set the user themselves.
 * The public pages act for the public even when an official happens to be logged in: an application,
 * a progress lookup or an objection must not depend on (or be refused by) that official's rights.
 */
public class EngineIdentityFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public EngineIdentityFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || isPublicPage(path);
    }

    private static boolean isPublicPage(String path) {
        for (String page : SecurityConfig.PUBLIC_PAGES) {
            if (path.equals(page) || path.startsWith(page + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(authentication.getName(),
                CamundaIdentityAuthenticationProvider.groupIdsOf(authentication));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
