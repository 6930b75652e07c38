/**
 * Push notifications: the devices an account registers for Firebase Cloud Messaging, what it wants
 * pushed per category, and the commands that change them.
 */
package dev.keel.api.push;
