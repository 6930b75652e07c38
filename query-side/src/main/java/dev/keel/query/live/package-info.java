/**
 * Live updates: {@code GET /v1/orders/stream} sends the changes of my orders as Server-Sent Events.
 * Every query node listens for new rows of the order change log and fans them out to its own
 * subscribers; a reconnect with {@code Last-Event-ID} first reads what it missed from the log.
 */
package dev.keel.query.live;
