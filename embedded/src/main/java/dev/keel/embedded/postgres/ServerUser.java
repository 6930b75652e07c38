package dev.keel.embedded.postgres;

import dev.keel.embedded.Executables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account the PostgreSQL processes run as. PostgreSQL refuses to run as root, so root hands them to
 * {@code nobody}; everyone else runs them as themselves.
 */
record ServerUser(String name, int uid, int gid, boolean switched, List<String> prefix) {

    private static final int OWNER_X = 0100;
    private static final int GROUP_X = 0010;
    private static final int OTHER_X = 0001;

    private static ServerUser current;

    static synchronized ServerUser current() {
        if (current == null) {
            current = detect();
        }
        return current;
    }

    private static ServerUser detect() {
        Optional<Path> setpriv = Executables.find("setpriv");
        int uid = Accounts.currentUid();
        if (uid != 0) {
            // The parent-death signal stops postgres when this JVM dies, even by SIGKILL
            List<String> prefix = new ArrayList<>(Executables.ownSession());
            setpriv.ifPresent(p -> prefix.addAll(List.of(p.toString(), "--pdeathsig=SIGINT")));
            return new ServerUser(System.getProperty("user.name"), uid, -1, false, List.copyOf(prefix));
        }
        Accounts.Account nobody = Accounts.user("nobody").orElseThrow(() -> new IllegalStateException(
                "PostgreSQL refuses to run as root, and there is no user 'nobody' in /etc/passwd to run it as."
                        + " Add one, or run as a non-root user."));
        int gid = Accounts.groupId("nogroup").orElse(nobody.gid());
        Path tool = setpriv.orElseThrow(() -> new IllegalStateException(
                "PostgreSQL refuses to run as root, and setpriv (util-linux) is missing, so it cannot be started"
                        + " as 'nobody'. Install util-linux, or run as a non-root user."));
        List<String> prefix = new ArrayList<>(Executables.ownSession());
        prefix.addAll(List.of(tool.toString(), "--reuid=" + nobody.uid(), "--regid=" + gid,
                "--clear-groups", "--pdeathsig=SIGINT"));
        return new ServerUser(nobody.name(), nobody.uid(), gid, true, List.copyOf(prefix));
    }

    List<String> command(Path executable, String... arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Makes a data directory PostgreSQL accepts: owned by the server user, closed to everyone else. */
    void own(Path dataDirectory) throws IOException {
        requireOwnCluster(dataDirectory);
        if (switched) {
            // Root leaves the mode to initdb, which runs as the server user: Java's chmod follows a link even
            // when told not to, and postgres itself refuses a data directory open to others
            hand(dataDirectory);
        } else {
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Gives {@code path} itself to the server user. Never through a symbolic link: whoever can write
     * where the link lies would otherwise have root give them any file of the machine.
     */
    void hand(Path path) throws IOException {
        if (switched) {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * A cluster initialised by another account (Keel run as root once, then as a user, or the other
     * way round) cannot be served by this one: say so, and how to hand it over, before PostgreSQL
     * fails on a file it may not read.
     */
    private void requireOwnCluster(Path dataDirectory) throws IOException {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        int owner = (Integer) Files.getAttribute(version, "unix:uid");
        if (owner != uid) {
            throw new IllegalStateException(("The PostgreSQL data in %s belongs to uid %d, but the server runs as '%s'"
                    + " (uid %d) here: was Keel run as another user before? Run it as that user again, or hand the"
                    + " data over with: chown -R %d %s").formatted(dataDirectory, owner, name, uid, uid, dataDirectory));
        }
    }

    /** Fails, naming the folders and the fix, when this user cannot get to {@code path}. */
    void requireReachable(Path path, String what) {
        List<Path> blocked = blockedFolders(path);
        if (blocked.isEmpty()) {
            return;
        }
        String paths = String.join(" ", blocked.stream().map(Path::toString).toList());
        throw new IllegalStateException(("PostgreSQL runs as user '%s'%s, who cannot enter %s on the way to the %s %s."
                + " Choose a location '%s' can reach (e.g. under /var/tmp), or let it through with: chmod o+x %s")
                .formatted(name, switched ? " (it refuses to run as root)" : "", Folders.describe(blocked), what,
                        path.toAbsolutePath().normalize(), name, paths));
    }

    /** The folders on the way to {@code path}, outermost first, that this user may not enter. */
    List<Path> blockedFolders(Path path) {
        return Folders.onTheWayTo(path).stream().filter(folder -> !canEnter(folder)).toList();
    }

    private boolean canEnter(Path folder) {
        if (!switched) {
            return Files.isExecutable(folder);
        }
        try {
            var attributes = Files.readAttributes(folder, "unix:uid,gid,mode");
            int mode = (Integer) attributes.get("mode");
            int bit = (Integer) attributes.get("uid") == uid ? OWNER_X
                    : (Integer) attributes.get("gid") == gid ? GROUP_X : OTHER_X;
            return (mode & bit) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
