package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Local accounts, read from the files setpriv and PostgreSQL rely on rather than from a directory service. */
final class Accounts {

    record Account(String name, int uid, int gid) {}

    private Accounts() {}

    /** The effective uid; /proc/self/status stays readable even where /proc/self is owned by root. */
    static int currentUid() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("Uid:"))
                    .map(line -> Integer.parseInt(line.split("\\s+")[2]))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException noProcFs) {
            return Integer.parseInt(Commands.run(List.of("id", "-u"), Path.of(".")).strip());
        }
    }

    static Optional<Account> user(String name) {
        return entry(Path.of("/etc/passwd"), name)
                .map(f -> new Account(name, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    }

    static OptionalInt groupId(String name) {
        return entry(Path.of("/etc/group"), name)
                .map(f -> OptionalInt.of(Integer.parseInt(f[2])))
                .orElse(OptionalInt.empty());
    }

    private static Optional<String[]> entry(Path file, String name) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(file)) {
            return lines.map(line -> line.split(":", -1))
                    .filter(fields -> fields.length > 3 && fields[0].equals(name))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
