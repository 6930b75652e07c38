package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new password hash, the current password proven already; ends every session but {@code keep}. */
public record ChangePassword(@TargetAggregateIdentifier AccountId accountId, String newPasswordHash, SessionId keep) {
    @Override
    public String toString() {
        return "ChangePassword[" + accountId + "]";
    }
}
