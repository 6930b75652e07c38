package dev.keel.projection.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param fcmUrl   FCM's base URL ({@code KEEL_FCM_URL}); a stand-in's in staging and tests
 * @param attempts sends of one push before its event is parked in the dead-letter queue
 * @param backoff  the wait after the first failed attempt, doubled after each further one
 * @param maxWait  the longest wait between attempts; a {@code Retry-After} beyond it parks at once
 */
@ConfigurationProperties("keel.push")
record PushProperties(@DefaultValue("https://fcm.googleapis.com") String fcmUrl,
                      @DefaultValue("3") int attempts,
                      @DefaultValue("1s") Duration backoff,
                      @DefaultValue("30s") Duration maxWait) {
}
