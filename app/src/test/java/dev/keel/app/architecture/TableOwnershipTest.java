package dev.keel.app.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table. The module whose migrations create a table ({@code src/main/resources/db/schema})
 * is the only one whose code may write or read it; otherwise two modules share a table's meaning,
 * and one changes it under the other. One exception, by design: the query side reads (SELECT only)
 * the read models that projections build. Found by reading the SQL in each module's main sources.
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("events-api", "web", "command-side", "projections",
            "query-side", "embedded", "app");

    private static Map<String, String> owners;
    private static Map<String, List<SqlUse>> uses;

    @BeforeAll
    static void readModules() {
        owners = new HashMap<>();
        uses = new HashMap<>();
        for (String module : MODULES) {
            Path home = ROOT.resolve(module);
            files(home.resolve("src/main/resources/db/schema"), ".sql").forEach(sql ->
                    SqlText.createdTables(read(sql)).forEach(table -> {
                        String before = owners.putIfAbsent(table, module);
                        assertThat(before).as("table %s is created by %s and by %s", table, before, module).isNull();
                    }));
            uses.put(module, files(home.resolve("src/main/java"), ".java")
                    .flatMap(java -> SqlText.uses(java.getFileName().toString(), read(java)).stream()).toList());
        }
    }

    @Test
    void eachModuleTouchesOnlyItsOwnTablesAndTheQuerySideOnlyReadsTheProjections() {
        List<String> trespasses = new ArrayList<>();
        uses.forEach((module, found) -> found.forEach(use -> {
            String owner = owners.get(use.table());
            boolean allowed = owner == null || owner.equals(module)
                    || (module.equals("query-side") && owner.equals("projections") && !use.writes());
            if (!allowed) {
                trespasses.add(module + " " + (use.writes() ? "writes" : "reads") + " " + use.table()
                        + " (owned by " + owner + ") in " + use.file());
            }
        }));
        assertThat(trespasses).isEmpty();
    }

    /** Guards the rule above against reading nothing (a moved folder would make it pass vacuously). */
    @Test
    void theRuleSeesEveryModulesTablesAndTheirUse() {
        assertThat(owners).containsEntry("domain_event_entry", "app").containsEntry("unique_claim", "command-side")
                .containsEntry("product", "projections").containsEntry("push_device", "projections")
                .containsEntry("sent_push", "projections")
                .containsEntry("stripe_webhook_event", "command-side");
        assertThat(uses.get("query-side")).contains(new SqlUse("product", false, "ProductReadModel.java"))
                .contains(new SqlUse("push_device", false, "AccountQueries.java"));
        assertThat(uses.get("command-side")).contains(new SqlUse("refresh_token", true, "JdbcRefreshTokens.java"));
    }

    private static Stream<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
