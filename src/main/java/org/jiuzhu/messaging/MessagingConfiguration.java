package org.jiuzhu.messaging;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS gateway chosen by {@code jiuzhu.sms.gateway}, the sender, and its job on this node. */
@Configuration
class MessagingConfiguration {

    @Bean
    SmsGateway smsGateway(SmsProperties settings, ObjectMapper json) {
        return switch (settings.gateway()) {
            case "log" -> new LoggingSmsGateway();
            case "http" -> new HttpSmsGateway(settings.http(), json);
            default -> throw new IllegalArgumentException(
                    "jiuzhu.sms.gateway must be log or http, not " + settings.gateway());
        };
    }

    @Bean
    OutboxSender outboxSender(OutboxMessages outbox, SmsGateway gateway, SmsProperties settings, Clock clock) {
        return new OutboxSender(outbox, gateway, settings, clock, nodeName());
    }

    @Bean
    @ConditionalOnProperty(name = "jiuzhu.sms.sender.enabled", matchIfMissing = true)
    OutboxSenderJob outboxSenderJob(OutboxSender sender, SmsProperties settings) {
        return new OutboxSenderJob(sender, settings);
    }

    /** pid@host: names the node in claims, for whoever reads the table. */
    private static String nodeName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() > 50 ? name.substring(0, 50) : name;
    }
}
