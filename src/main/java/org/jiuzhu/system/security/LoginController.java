package org.jiuzhu.system.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.web.WebAttributes;

@Controller
class LoginController {

    static final String THROTTLED_PARAMETER = "throttled";

    /**
     * After a throttled login the page says how long to wait, once, with 429; the reason comes from the
     * failed login's exception, which Spring Security keeps in the session.
     */
    @GetMapping("/login")
    String login(HttpSession session, HttpServletResponse response, Model model) {
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof LoginThrottledAuthenticationException throttled) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute(THROTTLED_PARAMETER, throttled.getMessage());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        return "security/login";
    }
}
