package dev.keel.api.push;

/** Why a device stopped receiving pushes. */
public enum DeviceRemovalReason {
    /** The person removed it ({@code DELETE /v1/me/devices/{deviceId}}). */
    REMOVED_BY_USER,
    /** FCM answered {@code UNREGISTERED}: the app was uninstalled or the token expired. */
    TOKEN_UNREGISTERED,
    /** FCM answered {@code INVALID_ARGUMENT} for the token: it is not a valid registration token. */
    TOKEN_INVALID
}
