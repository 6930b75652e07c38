package dev.keel.api.push;

import java.time.Instant;

/** A device registered for push, as {@code GET /v1/me} lists it (without its token). */
public record DeviceView(String deviceId, DevicePlatform platform, String locale, Instant registeredAt) {
}
