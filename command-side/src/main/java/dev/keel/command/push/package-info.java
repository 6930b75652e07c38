/** Push on the write side: the devices an account registers for FCM and its push choices per category. */
package dev.keel.command.push;
