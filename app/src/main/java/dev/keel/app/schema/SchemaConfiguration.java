package dev.keel.app.schema;

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

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource) {
        return new SchemaMigrations(dataSource, MODULES);
    }
}
