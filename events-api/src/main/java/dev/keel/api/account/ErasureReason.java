package dev.keel.api.account;

/** Why a person's data was erased. */
public enum ErasureReason {
    /** The person asked for it themselves ({@code DELETE /v1/me}). */
    REQUESTED_BY_PERSON,
    /** A compliance officer carried out the person's request. */
    REQUESTED_THROUGH_COMPLIANCE,
    /** Nobody signed in to the account for longer than the configured retention. */
    DORMANT
}
