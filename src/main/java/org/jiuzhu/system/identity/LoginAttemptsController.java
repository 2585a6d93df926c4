package org.jiuzhu.system.identity;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 登录记录 for administrators: recent failed logins, the client addresses refused and the accounts
 * waiting now; an administrator may let an address or an account try again at once.
 */
@Controller
@RequestMapping("/admin/login-attempts")
class LoginAttemptsController {

    static final String VIEW = "security/login-attempts";
    static final int FAILURES_SHOWN = 200;

    private static final Logger LOG = LoggerFactory.getLogger(LoginAttemptsController.class);

    private final LoginThrottle throttle;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginAttemptsController(LoginThrottle throttle, LoginThrottleProperties properties, Clock clock) {
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("refusedClients", throttle.refusedClients());
        model.addAttribute("delayedUsers", throttle.delayedUsers());
        model.addAttribute("failures", throttle.recentFailures(FAILURES_SHOWN));
        model.addAttribute("rules", properties);
        model.addAttribute("zone", clock.getZone());
        return VIEW;
    }

    @PostMapping("/lift-client")
    String liftClient(@RequestParam(defaultValue = "") String client, Authentication administrator,
                      RedirectAttributes redirect) {
        if (client.isBlank()) {
            redirect.addFlashAttribute("error", "请指定要解除限制的客户端地址。");
        } else {
            throttle.liftClient(client.strip());
            LOG.info("Administrator {} lifted the login refusal of client {}", administrator.getName(), client.strip());
            redirect.addFlashAttribute("message", "已解除对 " + client.strip() + " 的登录限制。");
        }
        return "redirect:/admin/login-attempts";
    }

    @PostMapping("/lift-user")
    String liftUser(@RequestParam(defaultValue = "") String userId, Authentication administrator,
                    RedirectAttributes redirect) {
        if (userId.isBlank()) {
            redirect.addFlashAttribute("error", "请指定要解除等待的账号。");
        } else {
            throttle.liftUser(userId);
            LOG.info("Administrator {} lifted the login delay of user {}", administrator.getName(),
                    userId.replaceAll("\\p{Cntrl}", "?"));
            redirect.addFlashAttribute("message", "账号 " + userId + " 可以立即重新登录。");
        }
        return "redirect:/admin/login-attempts";
    }
}
