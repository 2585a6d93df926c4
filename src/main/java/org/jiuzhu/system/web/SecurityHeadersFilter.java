package org.jiuzhu.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side protections of our own pages: scripts, styles, images and fonts only from this site
 * (no inline script or style anywhere in our templates), nothing of ours framed elsewhere, forms posted
 * only here, and no page address sent to other sites. The Camunda webapps under /camunda/ bring their
 * own policy (Camunda's header security filter); the APIs answer JSON.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    static final String REFERRER_POLICY = "same-origin";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = WebRequests.pathOf(request);
        return path.startsWith("/camunda/") || WebRequests.isApi(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        chain.doFilter(request, response);
    }
}
