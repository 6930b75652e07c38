/** Why a command was refused, in terms a client can act on. */
package dev.keel.command.rejection;
