package dev.keel.command.claim;

/**
 * Claims a value within a scope for one owner. Runs in the command's transaction: if the command
 * fails, the claim goes with it; two concurrent claims of one value cannot both succeed.
 */
public interface UniqueClaims {

    /**
     * @return {@code true} if {@code owner} now holds the value (newly, or already did), {@code false}
     *         if another owner holds it
     */
    boolean claim(String scope, String value, String owner);
}
