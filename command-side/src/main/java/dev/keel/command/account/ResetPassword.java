package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Sets a new password hash with the mailed link of request {@code requestId}, opened at {@code at}. */
public record ResetPassword(@TargetAggregateIdentifier AccountId accountId, UUID requestId, String newPasswordHash,
                            Instant at) {
    @Override
    public String toString() {
        return "ResetPassword[" + accountId + "]";
    }
}
