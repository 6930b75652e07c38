package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A data directory and the binaries that serve it, driven as the server user. */
record Cluster(ServerUser user, Path installation, Path dataDirectory) {

    static final String SUPERUSER = "postgres";

    void prepare() throws IOException {
        user.requireReachable(Binaries.bin(installation, "postgres"),
                "PostgreSQL binaries (unpacked under java.io.tmpdir)");
        if (Files.isSymbolicLink(dataDirectory)) {
            throw new IllegalStateException(("The PostgreSQL data directory %s is a symbolic link (to %s). Keel hands"
                    + " the data directory to the server user and never through a link, which whoever can write"
                    + " beside it could point at any file. Give the real path instead.")
                    .formatted(dataDirectory, Files.readSymbolicLink(dataDirectory)));
        }
        Files.createDirectories(dataDirectory);
        user.requireReachable(dataDirectory, "data directory");
        user.own(dataDirectory);
    }

    boolean initialized() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /**
     * Runs initdb with password authentication. initdb reads the password from a file: a fresh 0700 folder
     * of the server user under java.io.tmpdir holds it for the few seconds initdb runs.
     */
    void initialize(String password) throws IOException {
        Path folder = Files.createTempDirectory("keel-initdb-");
        try {
            Path passwordFile = Files.createFile(folder.resolve("password"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n");
            user.hand(passwordFile);
            user.hand(folder);
            // The builtin C.UTF-8 locale keeps initdb independent of which OS locales are installed
            Commands.run(user.command(Binaries.bin(installation, "initdb"), "-D", dataDirectory.toString(),
                    "-U", SUPERUSER, "-A", "scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C",
                    "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-instructions"), installation);
        } finally {
            Folders.deleteQuietly(folder);
        }
    }

    /** Sets the superuser's password in single-user mode: no server runs, so no connection is possible. */
    void setPassword(String password, Map<String, String> settings) {
        List<String> arguments = new ArrayList<>(List.of("--single", "-D", dataDirectory.toString(),
                "-c", "password_encryption=scram-sha-256"));
        settings.forEach((name, value) -> arguments.addAll(List.of("-c", name + "=" + value)));
        arguments.add("postgres");
        String output = Commands.run(user.command(Binaries.bin(installation, "postgres"),
                arguments.toArray(String[]::new)), installation,
                "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'\n");
        if (output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("Could not set the PostgreSQL superuser's password in " + dataDirectory
                    + ":\n" + output.replace(password, "***").strip());
        }
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
