package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A data directory and the binaries that serve it, driven as the server user. */
record Cluster(ServerUser user, Path installation, Path dataDirectory) {

    static final String SUPERUSER = "postgres";

    void prepare() throws IOException {
        user.requireReachable(Binaries.bin(installation, "postgres"),
                "PostgreSQL binaries (unpacked under java.io.tmpdir)");
        Files.createDirectories(dataDirectory);
        user.requireReachable(dataDirectory, "data directory");
        user.own(dataDirectory);
    }

    boolean initialized() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    void initialize() {
        // The builtin C.UTF-8 locale keeps initdb independent of which OS locales are installed
        Commands.run(user.command(Binaries.bin(installation, "initdb"), "-D", dataDirectory.toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8", "--no-instructions"), installation);
    }

    Postmaster start(int port, Map<String, String> settings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString()));
        settings.forEach((name, value) -> arguments.addAll(List.of("-c", name + "=" + value)));
        arguments.addAll(List.of("-c", "port=" + port));
        List<String> command = user.command(Binaries.bin(installation, "postgres"), arguments.toArray(String[]::new));
        return Postmaster.start(command, installation, dataDirectory.resolve("postgres.log"), "postgres-" + port);
    }

    void stop(Postmaster postmaster) {
        postmaster.stop(user.command(Binaries.bin(installation, "pg_ctl"), "stop", "-D", dataDirectory.toString(),
                "-m", "fast", "-w", "-t", "30"), installation);
    }
}
