package dev.keel.projection.push;

import dev.keel.projection.push.PushRecipients.Device;

import java.util.HashMap;
import java.util.Map;

/**
 * One push to one device.
 *
 * @param collapseId the same for every send of one notification: a device shows a repeated one once
 */
record PushMessage(String fcmToken, String title, String body, Map<String, String> data, String collapseId) {

    PushMessage {
        data = Map.copyOf(data);
    }

    /**
     * The push of one event's notification to one device: {@code data} and what every push carries, the
     * event (also the collapse id) and the inbox notification it is, so an app can mark it read.
     */
    static PushMessage of(Device device, PushTexts.Text text, String eventId, Map<String, String> data) {
        Map<String, String> all = new HashMap<>(data);
        all.put("eventId", eventId);
        all.put("notificationId", NotificationInboxProjection.notificationId(eventId).toString());
        return new PushMessage(device.fcmToken(), text.title(), text.body(), all, eventId);
    }
}
