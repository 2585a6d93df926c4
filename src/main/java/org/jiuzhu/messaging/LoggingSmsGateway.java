package org.jiuzhu.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default gateway: notes each message in the log instead of sending it. The text stays in the outbox:
 * refusal reasons do not belong in a log file, nor does the full phone number.
 */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public Outcome send(String phone, String text, String reference) {
        LOG.info("SMS {} to {} ({} characters) written to the log only, jiuzhu.sms.gateway=log", reference,
                PhoneNumbers.mask(phone), text.length());
        return Outcome.sent();
    }

    @Override
    public String description() {
        return "仅写入日志（未接短信平台）";
    }
}
