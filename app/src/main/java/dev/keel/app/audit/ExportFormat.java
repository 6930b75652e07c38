package dev.keel.app.audit;

import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.stream.Collectors;

/** How an export writes records: CSV with a header row (RFC 4180 quoting), or one JSON object a line. */
public enum ExportFormat {
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8")),
    NDJSON(MediaType.APPLICATION_NDJSON);

    static final List<String> CSV_COLUMNS = List.of("chainPosition", "globalIndex", "eventIdentifier", "eventType",
            "aggregateType", "aggregateIdentifier", "aggregateSequence", "occurredAt", "actor", "roles", "correlation",
            "causation", "clientIp", "deviceId", "recordHash");

    final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    String header() {
        return this == CSV ? String.join(",", CSV_COLUMNS) + "\r\n" : "";
    }

    String line(AuditEntry entry, ObjectMapper json) {
        if (this == NDJSON) {
            return json.writeValueAsString(entry) + "\n";
        }
        return List.of(entry.chainPosition(), entry.globalIndex(), entry.eventIdentifier(), entry.eventType(),
                        nullable(entry.aggregateType()), entry.aggregateIdentifier(),
                        entry.aggregateSequence(), entry.occurredAt(), entry.actor(), String.join(" ", entry.roles()),
                        nullable(entry.correlation()), nullable(entry.causation()), nullable(entry.clientIp()),
                        nullable(entry.deviceId()), entry.recordHash())
                .stream().map(value -> quoted(value.toString())).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    /** Quotes a field that holds a comma, quote or line break; a leading =, +, - or @ is kept from spreadsheets' formulas. */
    private static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
