package dev.keel.app.account;

import dev.keel.app.axonserver.OnAxonServerSeams;

/**
 * {@link FirebaseSignInIntegrationTest} again, under the seams of the {@code axonserver} profile:
 * Firebase sign-in: accounts made from verified identities, and its refusals.
 */
@OnAxonServerSeams
class FirebaseSignInOnAxonServerSeamsIntegrationTest extends FirebaseSignInIntegrationTest {
}
