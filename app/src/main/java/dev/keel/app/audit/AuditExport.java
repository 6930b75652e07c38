package dev.keel.app.audit;

import dev.keel.api.privacy.SealedMetadata;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Streams audit records out as they are read: each chunk of rows is pulled from the cursor only
 * when the client has taken the one before, so memory holds one fetch and one chunk, whatever the
 * size of the trail. The cursor's connection is released when the stream ends, fails or is cancelled.
 */
@Component
class AuditExport {

    static final int CHUNK_ROWS = 200;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final SealedMetadata sealed;

    AuditExport(DataSource dataSource, JsonMapper json, SealedMetadata sealed) {
        this.dataSource = dataSource;
        this.json = json;
        this.sealed = sealed;
    }

    Flux<DataBuffer> export(AuditFilter filter, ExportFormat format) {
        return export(filter, format, CHUNK_ROWS, cursor -> { });
    }

    /** @param opened sees the cursor once open (how a test counts what was read) */
    Flux<DataBuffer> export(AuditFilter filter, ExportFormat format, int chunkRows, Consumer<AuditCursor> opened) {
        Flux<String> lines = Flux.using(() -> {
            AuditCursor cursor = AuditCursor.open(dataSource, filter);
            opened.accept(cursor);
            return cursor;
        }, cursor -> Flux.generate(sink -> {
            try {
                AuditRecord record = cursor.next();
                if (record == null) {
                    sink.complete();
                } else {
                    sink.next(format.line(AuditEntry.of(record, sealed), json));
                }
            } catch (Exception e) {
                sink.error(e);
            }
        }), cursor -> {
            try {
                cursor.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not release the export's connection", e);
            }
        });
        return Flux.just(format.header()).filter(header -> !header.isEmpty())
                .concatWith(lines.buffer(chunkRows).map(chunk -> String.join("", chunk)))
                .<DataBuffer>map(text -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
