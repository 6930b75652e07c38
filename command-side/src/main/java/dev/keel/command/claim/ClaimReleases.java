package dev.keel.command.claim;

/**
 * Gives claims up, in the command's transaction: an erased account's email (its blind index) is free
 * for a new account, and no row keeps saying that an address once had one.
 */
public interface ClaimReleases {

    /** Gives up every value {@code owner} holds, in any scope. */
    void releaseAll(String owner);
}
