package dev.keel.app.account;

import dev.keel.app.axonserver.OnAxonServerSeams;

/**
 * {@link RegistrationIntegrationTest} again, under the seams of the {@code axonserver} profile:
 * registrations: personal data, mails and problem types.
 */
@OnAxonServerSeams
class RegistrationOnAxonServerSeamsIntegrationTest extends RegistrationIntegrationTest {
}
