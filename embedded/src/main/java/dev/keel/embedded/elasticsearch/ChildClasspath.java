package dev.keel.embedded.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The child JVM's class path: this module's own classes plus the Elasticsearch jars the build listed. */
record ChildClasspath(List<Path> entries) {

    static final String LISTING = "elasticsearch-classpath.txt";
    private static final Pattern SERVER_JAR = Pattern.compile("elasticsearch-(\\d[^-]*(-SNAPSHOT)?)\\.jar");

    static ChildClasspath load() {
        return of(launcherLocation(), readListing());
    }

    static ChildClasspath of(Path launcher, String listing) {
        List<Path> entries = new ArrayList<>();
        entries.add(launcher);
        for (String jar : split(listing)) {
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("Elasticsearch jar " + path + " (listed in " + LISTING
                    + ") does not exist; rebuild Keel with ./mvnw install on this machine");
            }
            entries.add(path);
        }
        return new ChildClasspath(List.copyOf(entries));
    }

    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** The version of the server jar, e.g. {@code 9.5.3}, read from its file name. */
    String elasticsearchVersion() {
        return entries.stream().map(path -> SERVER_JAR.matcher(path.getFileName().toString()))
            .filter(Matcher::matches).map(match -> match.group(1)).findFirst().orElse("unknown");
    }

    // one jar a line, as intended; the build tool may also join them with the path separator
    private static List<String> split(String listing) {
        return Arrays.stream(listing.split("\\R|" + Pattern.quote(File.pathSeparator)))
            .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String readListing() {
        try (InputStream listing = ChildClasspath.class.getResourceAsStream(LISTING)) {
            if (listing == null) {
                throw new IllegalStateException(LISTING + " is missing next to " + ChildClasspath.class.getName()
                    + "; rebuild Keel with ./mvnw install");
            }
            return new String(listing.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LISTING, e);
        }
    }

    private static Path launcherLocation() {
        CodeSource source = ChildClasspath.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            throw new IllegalStateException("Keel's classes are at " + location + ", inside another archive, where a"
                + " child JVM cannot load them; run Keel from the exploded layout (for a Spring Boot jar:"
                + " java -Djarmode=tools -jar app.jar extract, then start the extracted jar)");
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate Keel's classes at " + location, e);
        }
    }
}
