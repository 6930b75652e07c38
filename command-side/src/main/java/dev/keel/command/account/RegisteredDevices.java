package dev.keel.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.keel.api.push.DevicePlatform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The account's devices registered for push, each with its current token, platform and locale. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class RegisteredDevices {

    record Device(String fcmToken, DevicePlatform platform, String locale) {
    }

    private Map<String, Device> devices = new LinkedHashMap<>();

    boolean has(String deviceId, String fcmToken, DevicePlatform platform, String locale) {
        return new Device(fcmToken, platform, locale).equals(devices.get(deviceId));
    }

    /** @param fcmToken {@code null}: whatever its token */
    boolean holds(String deviceId, String fcmToken) {
        Device device = devices.get(deviceId);
        return device != null && (fcmToken == null || Objects.equals(fcmToken, device.fcmToken()));
    }

    void registered(String deviceId, String fcmToken, DevicePlatform platform, String locale) {
        devices.put(deviceId, new Device(fcmToken, platform, locale));
    }

    void removed(String deviceId) {
        devices.remove(deviceId);
    }

    void clear() {
        devices.clear();
    }
}
