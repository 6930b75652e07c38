package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import org.axonframework.serialization.Revision;

/** An order arrived. Final. */
@Revision("1")
public record OrderDelivered(OrderId orderId, AccountId customerId) {
}
