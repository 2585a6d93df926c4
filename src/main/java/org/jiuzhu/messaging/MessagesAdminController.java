package org.jiuzhu.messaging;

import java.time.Clock;
import java.util.List;

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
 * 短信发送 for administrators: the messages that failed and those still waiting, with the phone masked;
 * a failed one may be sent again.
 */
@Controller
@RequestMapping("/admin/messages")
class MessagesAdminController {

    static final String VIEW = "messaging/messages";
    static final int SHOWN = 200;

    private static final Logger LOG = LoggerFactory.getLogger(MessagesAdminController.class);

    private final OutboxMessages outbox;
    private final SmsGateway gateway;
    private final SmsProperties settings;
    private final Clock clock;

    MessagesAdminController(OutboxMessages outbox, SmsGateway gateway, SmsProperties settings, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    /** One line of the page, the kind in Chinese. */
    record Line(OutboxMessages.Entry entry, String kindLabel) {
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("counts", outbox.countsByStatus());
        model.addAttribute("failed", lines(List.of(MessageStatus.FAILED)));
        model.addAttribute("waiting", lines(List.of(MessageStatus.PENDING, MessageStatus.SENDING)));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("gateway", gateway.description());
        model.addAttribute("settings", settings);
        model.addAttribute("firstBackOff", OutboxSender.describe(settings.firstBackOff()));
        model.addAttribute("maxBackOff", OutboxSender.describe(settings.maxBackOff()));
        model.addAttribute("expireAfter", OutboxSender.describe(settings.expireAfter()));
        model.addAttribute("zone", clock.getZone());
        return VIEW;
    }

    @PostMapping("/resend")
    String resend(@RequestParam(defaultValue = "") String id, Authentication administrator,
                  RedirectAttributes redirect) {
        long messageId;
        try {
            messageId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "请指定要重新发送的短信。");
            return "redirect:/admin/messages";
        }
        if (outbox.resend(messageId, administrator.getName(), clock.instant())) {
            LOG.info("Administrator {} queued SMS jiuzhu-{} again", administrator.getName(), messageId);
            redirect.addFlashAttribute("message", "短信已重新排队，将在下一轮发送。");
        } else {
            redirect.addFlashAttribute("error", "该短信不存在或不是“发送失败”状态，未重新发送。");
        }
        return "redirect:/admin/messages";
    }

    private List<Line> lines(List<MessageStatus> statuses) {
        return outbox.list(statuses, SHOWN).stream()
                .map(entry -> new Line(entry, MessageKinds.label(entry.kind())))
                .toList();
    }
}
