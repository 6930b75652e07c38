package dev.keel.app.architecture;

/** A table that a statement in a source file names, and whether the statement changes it. */
record SqlUse(String table, boolean writes, String file) {
}
