package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A device receives no more pushes for the account: removed by its owner, or its token refused by FCM. */
@Revision("1")
public record DeviceRemoved(@DataSubject AccountId accountId,
                            @PersonalData String deviceId,
                            DeviceRemovalReason reason) {
}
