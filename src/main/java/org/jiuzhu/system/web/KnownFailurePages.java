package org.jiuzhu.system.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/** {@link KnownFailures} on our pages: the error page with the status and the Chinese message. */
class KnownFailurePages implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        return KnownFailures.of(exception, WebRequests.pathOf(request)).map(failure -> {
            try {
                request.setAttribute(WebRequests.ERROR_DETAIL, failure.message());
                response.sendError(failure.status());
                return new ModelAndView();
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public int getOrder() {
        // Before Spring's own resolvers, which would turn a wrapped failure into a 500.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
