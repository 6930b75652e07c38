package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Folder chores: which folders a path goes through, describing them, deleting the temporary ones. */
final class Folders {

    private Folders() {}

    /**
     * The existing folders a process passes through to reach {@code path}, outermost first: both those
     * spelled in the path and those a symbolic link on the way leads through.
     */
    static List<Path> onTheWayTo(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        var folders = new LinkedHashSet<Path>();
        folders.addAll(ancestors(absolute));
        folders.addAll(ancestors(realPathOfExistingPart(absolute)));
        return folders.stream().filter(Files::isDirectory).toList();
    }

    static String describe(List<Path> folders) {
        return folders.stream().map(folder -> folder + " (" + ownerAndMode(folder) + ")").collect(Collectors.joining(", "));
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Folders::deleteIfExists);
        } catch (IOException | RuntimeException ignored) {
            // What remains is under java.io.tmpdir and harmless; the caller's own outcome matters more
        }
    }

    private static List<Path> ancestors(Path path) {
        var ancestors = new ArrayList<Path>();
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            ancestors.addFirst(parent);
        }
        return ancestors;
    }

    private static Path realPathOfExistingPart(Path path) {
        Path existing = path;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownerAndMode(Path folder) {
        try {
            return "owner " + Files.getOwner(folder).getName() + ", "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
        } catch (IOException | UnsupportedOperationException e) {
            return "permissions unknown";
        }
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Keep deleting the rest
        }
    }
}
