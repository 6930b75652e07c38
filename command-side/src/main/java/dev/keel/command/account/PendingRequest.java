package dev.keel.command.account;

import dev.keel.command.rejection.CommandRejected;

import java.time.Instant;
import java.util.UUID;

/**
 * An outstanding emailed link (verification or reset): only the newest works, only once, only until
 * it expires. The aggregate keeps it; the link's token maps to {@code requestId}.
 */
record PendingRequest(UUID requestId, Instant expiresAt) {

    /**
     * @param pending the current request, {@code null} when none is outstanding (used or never made)
     * @throws CommandRejected {@code link-invalid} (superseded or used) or {@code link-expired}
     */
    static void check(PendingRequest pending, UUID presented, Instant at, String what) {
        if (pending == null || !pending.requestId.equals(presented)) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "link-invalid",
                    "This " + what + " link was already used or a newer one was sent");
        }
        if (at.isAfter(pending.expiresAt)) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "link-expired",
                    "This " + what + " link expired at " + pending.expiresAt + "; ask for a new one");
        }
    }
}
