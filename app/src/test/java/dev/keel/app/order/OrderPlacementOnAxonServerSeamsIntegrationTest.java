package dev.keel.app.order;

import dev.keel.app.axonserver.OnAxonServerSeams;

/**
 * {@link OrderPlacementIntegrationTest} again, under the seams of the {@code axonserver} profile:
 * order placement: pricing, stock, promotions and their refusals.
 */
@OnAxonServerSeams
class OrderPlacementOnAxonServerSeamsIntegrationTest extends OrderPlacementIntegrationTest {
}
