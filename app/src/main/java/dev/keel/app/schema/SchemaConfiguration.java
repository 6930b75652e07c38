package dev.keel.app.schema;

import dev.keel.app.database.UnlimitedConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    /**
     * Every module with tables, in the order their migrations run; a new module adds itself here. Not
     * tied to {@code keel.roles}: a query node reads the projections' tables, so every node migrates all.
     */
    static final List<ModuleSchema> MODULES = List.of(
            new ModuleSchema("app"), new ModuleSchema("command"), new ModuleSchema("projections"));

    /**
     * On connections of their own without the pool's time limits: a migration may build an index for
     * minutes, and a node starting beside one that migrates waits its turn on the advisory lock.
     */
    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource) {
        return new SchemaMigrations(UnlimitedConnections.of(dataSource), MODULES);
    }
}
