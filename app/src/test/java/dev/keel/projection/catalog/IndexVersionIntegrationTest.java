package dev.keel.projection.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade to a new index version: the new index is built beside the old, and readers' alias moves
 * over in one step only once its processor has caught up. On scratch names, with the shipped mapping.
 */
class IndexVersionIntegrationTest extends KeelIntegrationTest {

    private static final String DEFINITION = "elasticsearch/" + ProductSearchIndexes.CURRENT + ".json";

    @Autowired
    ElasticsearchClient client;

    private final String prefix = "scratch-" + UUID.randomUUID();
    private final String alias = prefix + "-alias";
    private final String older = prefix + "-v1";
    private final String newer = prefix + "-v2";

    @Test
    void readersKeepTheOldVersionUntilTheNewOneHasCaughtUpThenMoveAllAtOnce() throws IOException {
        client.indices().create(create -> create.index(older).aliases(alias, none -> none));
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        IndexVersion version = new IndexVersion(client, alias, newer, DEFINITION, caughtUp::get);

        version.prepare();

        assertThat(client.indices().exists(exists -> exists.index(newer)).value()).isTrue();
        assertThat(targets()).containsExactly(older);
        assertThat(version.moveAliasIfCaughtUp()).isFalse();
        assertThat(targets()).containsExactly(older);

        caughtUp.set(true);
        assertThat(version.moveAliasIfCaughtUp()).isTrue();
        assertThat(targets()).containsExactly(newer);
        assertThat(version.serving()).isTrue();
    }

    @Test
    void aFreshInstallSearchesTheNewVersionAtOnceAndAReplayKeepsItsAlias() throws IOException {
        IndexVersion version = new IndexVersion(client, alias, newer, DEFINITION, () -> false);

        version.prepare();
        assertThat(targets()).containsExactly(newer);

        version.recreate();
        assertThat(targets()).containsExactly(newer);
    }

    @Test
    void aReplayOfTheVersionBeingBuiltLeavesReadersOnTheOldOne() throws IOException {
        client.indices().create(create -> create.index(older).aliases(alias, none -> none));
        IndexVersion version = new IndexVersion(client, alias, newer, DEFINITION, () -> false);
        version.prepare();

        version.recreate();

        assertThat(targets()).containsExactly(older);
    }

    @AfterEach
    void dropScratchIndexes() throws IOException {
        client.indices().delete(delete -> delete.index(older, newer).ignoreUnavailable(true));
    }

    private Set<String> targets() throws IOException {
        return client.indices().getAlias(get -> get.name(alias)).aliases().keySet();
    }
}
