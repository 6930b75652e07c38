package dev.keel.app.privacy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.projection.erasure.PersonalReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table with a column that looks personal (an email, a name, an address, a phone, a device, an
 * IP) belongs to a {@link PersonalReadModel}, which erases it, or is named here with the reason it
 * needs none; so does every Elasticsearch index with such a field (camelCase read as snake_case). A
 * new read model that keeps personal data and forgets erasure fails this test.
 */
class PersonalReadModelsIntegrationTest extends KeelIntegrationTest {

    private static final String PERSONAL_COLUMN =
            "(^|_)(email|display_name|first_name|last_name|full_name|recipient|address|street|line1|line2|postal_code"
                    + "|city|phone|device_id|device|ip|client_ip|ip_address|birth_date|date_of_birth)($|_)";

    /**
     * Tables erased otherwise, and why. A table here holds its personal columns only as values sealed
     * under the person's data key ({@code pd1:...}) or already {@code [erased]}: erasing the key erases
     * them, and {@link #tablesErasedElsewhereHoldNoPlaintext()} checks every stored value.
     */
    private static final Map<String, String> ERASED_ELSEWHERE = Map.of("audit_record",
            "client IP and device id are the event's own ciphertext, sealed under the person's key; the chain "
                    + "hashes them, so they are crypto-shredded, never rewritten (docs/audit.md)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<PersonalReadModel> readModels;
    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void everyTableWithPersonalColumnsIsErasedByAReadModel() {
        Set<String> tables = jdbc.sql("""
                        SELECT DISTINCT table_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND column_name ~ ?""")
                .param(PERSONAL_COLUMN).query(String.class).list().stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = readModels.stream().flatMap(model -> model.personalStores().stream())
                .collect(Collectors.toSet());

        assertThat(tables).as("the pattern finds the known ones").contains("account", "account_session");
        assertThat(tables).allSatisfy(table -> assertThat(covered.contains(table) || ERASED_ELSEWHERE.containsKey(table))
                .as("table %s has personal columns but no PersonalReadModel erases it", table).isTrue());
    }

    @Test
    void tablesErasedElsewhereHoldNoPlaintext() {
        ERASED_ELSEWHERE.keySet().forEach(table -> {
            List<String> columns = jdbc.sql("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = ? AND column_name ~ ?""")
                    .params(table, PERSONAL_COLUMN).query(String.class).list();
            assertThat(columns).as("%s has the personal columns it is listed for", table).isNotEmpty();
            columns.forEach(column -> assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column
                            + " NOT LIKE 'pd1:%' AND " + column + " <> '[erased]'").query(Long.class).single())
                    .as("values of %s.%s stored in plaintext", table, column).isZero());
        });
    }

    @Test
    void everyIndexWithPersonalFieldsIsErasedByAReadModel() throws IOException {
        var pattern = java.util.regex.Pattern.compile(PERSONAL_COLUMN);
        Set<String> covered = readModels.stream().flatMap(model -> model.personalStores().stream())
                .collect(Collectors.toSet());
        var mappings = elasticsearch.indices().getMapping(get -> get.index("*")).mappings();
        assertThat(mappings).as("the index of products at least").isNotEmpty();

        mappings.forEach((index, mapping) -> {
            if (index.startsWith(".") || index.startsWith("contract-")) {
                return;
            }
            Set<String> personal = new TreeSet<>();
            fields("", mapping.mappings().properties(), personal, pattern);
            assertThat(personal.isEmpty() || covered.stream().anyMatch(index::startsWith))
                    .as("index %s has personal fields %s but no PersonalReadModel erases it", index, personal).isTrue();
        });
    }

    private static void fields(String prefix, Map<String, Property> properties, Set<String> personal,
                               java.util.regex.Pattern pattern) {
        properties.forEach((name, property) -> {
            String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            if (pattern.matcher(snake).find()) {
                personal.add(prefix + name);
            }
            if (property.isObject()) {
                fields(prefix + name + ".", property.object().properties(), personal, pattern);
            } else if (property.isNested()) {
                fields(prefix + name + ".", property.nested().properties(), personal, pattern);
            }
        });
    }
}
