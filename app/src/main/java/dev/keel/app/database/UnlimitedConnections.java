package dev.keel.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections for work that is long by nature, such as migrations (an index built on a big table,
 * a node waiting its turn while another migrates): new ones each time, outside the pool, with no
 * statement or lock time limit. They close for good after use, so their settings never reach the pool.
 */
public final class UnlimitedConnections {

    private UnlimitedConnections() {
    }

    /** @param pooled the app's pool: its URL, user and driver properties are used, not its connections */
    public static DataSource of(DataSource pooled) {
        DataSource plain = pooled instanceof HikariDataSource pool ? unpooled(pool) : pooled;
        return new DelegatingDataSource(plain) {
            @Override
            public Connection getConnection() throws SQLException {
                return withoutLimits(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return withoutLimits(super.getConnection(username, password));
            }
        };
    }

    private static DataSource unpooled(HikariDataSource pool) {
        var plain = new DriverManagerDataSource(pool.getJdbcUrl());
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        plain.setConnectionProperties(properties);
        plain.setUsername(pool.getUsername());
        plain.setPassword(pool.getPassword());
        return plain;
    }

    private static Connection withoutLimits(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 0; SET lock_timeout = 0");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
