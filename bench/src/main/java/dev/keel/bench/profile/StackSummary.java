package dev.keel.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a JFR recording's CPU samples fall: by thread pool, by the topmost frame, and by the layers a
 * sample's stack passes through (a sample counts for every layer on its stack). Native-method samples
 * say what the threads waited on (PostgreSQL, Elasticsearch, the network selector).
 */
final class StackSummary {

    /** Layers of the command path, matched against frame class names; first match on a frame wins. */
    private static final Map<String, List<String>> LAYERS = layers();

    private StackSummary() {
    }

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put("JWT signature check (RSA)", List.of("sun.security.rsa", "java.math.BigInteger", "com.nimbusds.jose.crypto"));
        layers.put("Spring Security filters", List.of("org.springframework.security"));
        layers.put("JSON (Jackson)", List.of("tools.jackson", "com.fasterxml.jackson"));
        layers.put("bean validation", List.of("org.hibernate.validator", "jakarta.validation"));
        layers.put("Axon handler time limits (Thread.getStackTrace)", List.of("org.axonframework.messaging.timeout"));
        layers.put("Axon messaging (buses, interceptors, unit of work)", List.of("org.axonframework.commandhandling",
                "org.axonframework.messaging", "org.axonframework.eventhandling"));
        layers.put("Axon aggregate / event store", List.of("org.axonframework.eventsourcing", "org.axonframework.modelling"));
        layers.put("Axon serializer", List.of("org.axonframework.serialization"));
        layers.put("Keel idempotency / claims", List.of("dev.keel.command.idempotency", "dev.keel.command.claim"));
        layers.put("Spring transactions / JDBC", List.of("org.springframework.transaction", "org.springframework.jdbc"));
        layers.put("Hikari pool", List.of("com.zaxxer.hikari"));
        layers.put("PostgreSQL JDBC driver", List.of("org.postgresql"));
        layers.put("WebFlux / Reactor Netty / Netty", List.of("org.springframework.web", "org.springframework.http",
                "reactor.netty", "io.netty"));
        layers.put("Reactor", List.of("reactor.core"));
        layers.put("logging", List.of("ch.qos.logback", "org.slf4j", "org.apache.logging"));
        layers.put("GC / JIT / VM (no Java frame)", List.of());
        return layers;
    }

    static String summarize(Path recording, String units, long count) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        Map<String, Integer> exceptions = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        int thrown = 0;
        int collections = 0;
        double pauseMillis = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                threads.merge(pool(event), 1, Integer::sum);
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (frames.isEmpty()) {
                    layers.merge("GC / JIT / VM (no Java frame)", 1, Integer::sum);
                    continue;
                }
                topFrames.merge(name(frames.getFirst()), 1, Integer::sum);
                frames.stream().map(StackSummary::layer).filter(l -> l != null).distinct()
                        .forEach(layer -> layers.merge(layer, 1, Integer::sum));
            } else if (type.equals("jdk.JavaExceptionThrow")) {
                thrown++;
                exceptions.merge(thrower(event), 1, Integer::sum);
            } else if (type.equals("jdk.GarbageCollection")) {
                collections++;
                pauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
            } else if (type.equals("jdk.NativeMethodSample")) {
                nativeSamples++;
                waits.merge(pool(event) + ": " + waitKind(frames(event.getStackTrace())), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d CPU samples, %d native-method samples, %d %s measured%n%n",
                samples, nativeSamples, count, units));
        out.append("CPU samples by thread pool:\n").append(top(threads, samples, 10));
        out.append("\nCPU samples by layer on the stack (a sample counts once per layer it passes through):\n")
                .append(top(layers, samples, 20));
        out.append("\nHottest methods (topmost frame):\n").append(top(topFrames, samples, 25));
        out.append("\nThreads in native code, by pool and what they wait on:\n").append(top(waits, nativeSamples, 15));
        out.append(String.format(Locale.ROOT, "%nGarbage collections: %d, %.0f ms of pauses%n", collections, pauseMillis));
        out.append(String.format(Locale.ROOT, "%nThrowables sampled by JFR (it records at most 300/s): %d, by type and the first frame outside java.*:%n",
                thrown)).append(top(exceptions, thrown, 8));
        return out.toString();
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
    }

    private static String pool(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-N-").replaceAll("\\d+", "N");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        for (var layer : LAYERS.entrySet()) {
            for (String prefix : layer.getValue()) {
                if (type.startsWith(prefix)) {
                    return layer.getKey();
                }
            }
        }
        return null;
    }

    private static String thrower(RecordedEvent event) {
        String type = event.getClass("thrownClass") == null ? "?" : event.getClass("thrownClass").getName();
        String where = frames(event.getStackTrace()).stream()
                .filter(f -> !f.getMethod().getType().getName().startsWith("java."))
                .findFirst().map(StackSummary::name).orElse("?");
        return type + " from " + where;
    }

    private static String waitKind(List<RecordedFrame> frames) {
        String stack = frames.stream().map(f -> f.getMethod().getType().getName()).collect(Collectors.joining(" "));
        if (stack.contains("org.postgresql")) {
            return "PostgreSQL round trip";
        }
        if (stack.contains("sun.nio.ch.EPoll") || stack.contains("SelectorImpl")) {
            return "network selector (idle, or waiting for a request or an answer)";
        }
        if (stack.contains("co.elastic") || stack.contains("org.apache.hc") || stack.contains("org.apache.http")) {
            return "Elasticsearch round trip";
        }
        return frames.isEmpty() ? "unknown" : name(frames.getFirst());
    }

    private static String top(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .collect(Collectors.joining());
    }
}
