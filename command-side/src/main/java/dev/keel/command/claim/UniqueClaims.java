package dev.keel.command.claim;

/**
 * Claims a value within a scope for one owner: if the command fails, the claim goes with it; two
 * concurrent claims of one value cannot both succeed. Runs in the command's transaction, or, with the
 * event store apart from PostgreSQL, commits before the command's events can be stored.
 */
public interface UniqueClaims {

    /**
     * @return {@code true} if {@code owner} now holds the value (newly, or already did), {@code false}
     *         if another owner holds it
     */
    boolean claim(String scope, String value, String owner);
}
