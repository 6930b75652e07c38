package dev.keel.app.embedded;

import dev.keel.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.keel.embedded.postgres.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a real PostgreSQL and a real Elasticsearch when {@code spring.datasource.url} /
 * {@code spring.elasticsearch.uris} (from {@code KEEL_DB_URL} / {@code KEEL_ES_URL}) are empty, and
 * points the application at them. Both start in parallel, before any bean needs them.
 *
 * <p>With {@code keel.embedded.ephemeral=true} (tests) both are fresh, temporary and shared by every
 * application context in the JVM; otherwise they keep their data under {@code keel.data-dir}.
 */
class EmbeddedServices implements EnvironmentPostProcessor {

    private final Log log;

    EmbeddedServices(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedServices.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean needPostgres = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
        boolean needElasticsearch = !StringUtils.hasText(env.getProperty("spring.elasticsearch.uris"));
        if (!needPostgres && !needElasticsearch) {
            return;
        }
        boolean ephemeral = env.getProperty("keel.embedded.ephemeral", Boolean.class, false);
        Path dataDir = Path.of(env.getProperty("keel.data-dir", "data")).toAbsolutePath().normalize();

        var postgres = needPostgres
                ? CompletableFuture.supplyAsync(() -> ephemeral ? EmbeddedPostgres.sharedEphemeral() : postgresIn(dataDir))
                : CompletableFuture.<EmbeddedPostgres>completedFuture(null);
        var elasticsearch = needElasticsearch
                ? CompletableFuture.supplyAsync(() -> ephemeral ? EmbeddedElasticsearch.sharedEphemeral() : elasticsearchIn(dataDir))
                : CompletableFuture.<EmbeddedElasticsearch>completedFuture(null);

        Map<String, Object> properties = new HashMap<>();
        if (needPostgres) {
            EmbeddedPostgres pg = postgres.join();
            if (!ephemeral) {
                stopAfterTheContext(application, pg.closedByCaller());
            }
            properties.put("spring.datasource.url", pg.jdbcUrl());
            properties.put("spring.datasource.username", pg.username());
            properties.put("spring.datasource.password", pg.password());
            log.info("Using the embedded PostgreSQL at " + pg.jdbcUrl() + " (data: " + pg.dataDirectory() + ")");
        }
        if (needElasticsearch) {
            EmbeddedElasticsearch es = elasticsearch.join();
            properties.put("spring.elasticsearch.uris", es.httpUrl());
            log.info("Using the embedded Elasticsearch at " + es.httpUrl());
        }
        env.getPropertySources().addFirst(new MapPropertySource("keel-embedded-services", properties));
    }

    /** Closed as the context's last bean, so processors release their tokens before the database goes. */
    private static void stopAfterTheContext(SpringApplication application, EmbeddedPostgres pg) {
        application.addInitializers(context -> {
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
                beans.registerDisposableBean("embeddedPostgres", pg::close);
            }
        });
    }

    private EmbeddedPostgres postgresIn(Path dataDir) {
        Path dir = dataDir.resolve("postgres");
        if (!EmbeddedPostgres.reachableByServerUser(dir)) {
            Path fallback = Path.of("/var/tmp", "keel-" + shortHash(dir.toString()), "postgres");
            log.warn("PostgreSQL runs as an unprivileged user that cannot reach " + dir
                    + " (a parent folder is closed to it); keeping its data in " + fallback
                    + " instead. Set KEEL_DATA_DIR to choose another place.");
            dir = fallback;
        }
        return EmbeddedPostgres.builder().dataDirectory(dir).start();
    }

    private static EmbeddedElasticsearch elasticsearchIn(Path dataDir) {
        return EmbeddedElasticsearch.builder().dataDirectory(dataDir.resolve("elasticsearch")).start();
    }

    private static String shortHash(String text) {
        return Integer.toHexString(text.hashCode());
    }
}
