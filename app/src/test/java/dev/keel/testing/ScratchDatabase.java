package dev.keel.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** An empty database of its own on the tests' PostgreSQL server, dropped when closed. */
public final class ScratchDatabase implements AutoCloseable {

    private final JdbcClient server;
    private final String name = "scratch_" + UUID.randomUUID().toString().replace("-", "");
    private final SimpleDriverDataSource dataSource;
    private final String url;
    private final String username;
    private final String password;

    public ScratchDatabase(DataSource shared) {
        HikariDataSource hikari = (HikariDataSource) shared;
        this.server = JdbcClient.create(shared);
        server.sql("CREATE DATABASE " + name).update();
        this.url = hikari.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        this.username = hikari.getUsername();
        this.password = hikari.getPassword();
        this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, username, password);
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        server.sql("DROP DATABASE " + name + " WITH (FORCE)").update();
    }
}
