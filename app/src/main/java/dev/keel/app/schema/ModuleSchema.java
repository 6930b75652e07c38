package dev.keel.app.schema;

/**
 * One module's tables: its migrations in {@code db/schema/<module>} and a Flyway history table of
 * its own, so a module numbers its migrations V1, V2, ... without knowing anybody else's. Not
 * {@code db/migration}, where they were numbered across modules: a build folder made before keeps
 * copies there, which would collide with the renumbered ones.
 */
record ModuleSchema(String module) {

    String location() {
        return "classpath:db/schema/" + module;
    }

    String historyTable() {
        return "flyway_schema_history_" + module;
    }
}
