package dev.keel.api.push;

/** The operating system of a registered device; FCM addresses each through its token alike. */
public enum DevicePlatform {
    ANDROID,
    IOS,
    WEB
}
