/**
 * Push notifications: the registry of devices and choices, the in-app inbox, and the side effect
 * that pushes through Firebase Cloud Messaging exactly once per event and device.
 */
package dev.keel.projection.push;
