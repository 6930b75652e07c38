package dev.keel.app.schema;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/** Tells Boot that {@link SchemaMigrations} initializes the database, so JDBC users are created after it. */
class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigrations.class);
    }
}
