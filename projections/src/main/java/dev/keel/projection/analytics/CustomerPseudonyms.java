package dev.keel.projection.analytics;

import dev.keel.api.account.AccountId;

import java.util.Optional;

/**
 * The customer key analysts see instead of a customer id: stable for one person, so repeat customers
 * can be counted, and computable only while the person's data key lives. Implemented where the data
 * keys are ({@code app}).
 */
public interface CustomerPseudonyms {

    /** The person's key, or empty once they were erased (or never had a data key). */
    Optional<String> of(AccountId customerId);
}
