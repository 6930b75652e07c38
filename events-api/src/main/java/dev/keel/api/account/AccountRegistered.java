package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.Set;

/**
 * An account was created. Email and display name are personal data; {@code emailVerified} is true
 * when the sign-up proved the address (Firebase said so).
 */
@Revision("1")
public record AccountRegistered(@DataSubject AccountId accountId,
                                @PersonalData String email,
                                @PersonalData String displayName,
                                Set<Role> roles,
                                SignInMethod method,
                                boolean emailVerified) {
}
