package dev.keel.projection.push;

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
}
