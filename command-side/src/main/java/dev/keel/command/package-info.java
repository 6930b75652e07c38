/** The write side: aggregates, command handlers and the endpoints that send commands. */
package dev.keel.command;
