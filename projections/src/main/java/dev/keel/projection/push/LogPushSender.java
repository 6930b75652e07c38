package dev.keel.projection.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Without Firebase credentials: each push is logged (its token shortened) and counts as sent. */
class LogPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(LogPushSender.class);

    @Override
    public List<PushOutcome> send(List<PushMessage> messages) {
        return messages.stream().map(message -> {
            log.info("Push (not sent: no Firebase credentials) to {}…: {} / {}",
                    message.fcmToken().substring(0, Math.min(8, message.fcmToken().length())), message.title(),
                    message.body());
            return PushOutcome.sent("logged");
        }).toList();
    }
}
