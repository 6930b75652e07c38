package dev.keel.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param heartbeat how often an idle stream sends a comment, so proxies and phones keep it open
 * @param poll      how often a node reads the change log even without a notification (a lost
 *                  notification, a listening connection being replaced): the most a change can be late
 * @param buffer    changes held for one subscriber that reads slower than they come; past that its
 *                  stream ends and it resumes with {@code Last-Event-ID}
 */
@ConfigurationProperties("keel.live")
record LiveProperties(@DefaultValue("15s") Duration heartbeat,
                      @DefaultValue("2s") Duration poll,
                      @DefaultValue("1024") int buffer) {
}
