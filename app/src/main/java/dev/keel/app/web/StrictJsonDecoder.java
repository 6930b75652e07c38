package dev.keel.app.web;

import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads request bodies only as {@code application/json} in UTF-8. A declared charset other than
 * UTF-8, a {@code +json} or any other type is left unread (415). Bytes that are not well-formed UTF-8
 * are refused before Jackson sees them: Jackson decodes overlong forms leniently ({@code C0 AF} as
 * {@code /}), which would let a filtered character through in disguise.
 */
final class StrictJsonDecoder extends JacksonJsonDecoder {

    StrictJsonDecoder(JsonMapper mapper) {
        super(mapper, MediaType.APPLICATION_JSON);
    }

    static boolean isJsonInUtf8(MimeType type) {
        return "application".equals(type.getType()) && "json".equals(type.getSubtype())
                && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
    }

    @Override
    public boolean canDecode(ResolvableType elementType, MimeType mimeType) {
        return (mimeType == null || isJsonInUtf8(mimeType)) && super.canDecode(elementType, mimeType);
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType,
                         Map<String, Object> hints) throws DecodingException {
        return super.decode(checked(buffer), targetType, mimeType, hints);
    }

    @Override
    protected Flux<DataBuffer> processInput(Publisher<DataBuffer> input, ResolvableType elementType,
                                            MimeType mimeType, Map<String, Object> hints) {
        return DataBufferUtils.join(input, getMaxInMemorySize()).map(this::checked).flux();
    }

    private DataBuffer checked(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        WellFormedUtf8.Malformed malformed = WellFormedUtf8.check(bytes);
        if (malformed != null) {
            MalformedBody body = new MalformedBody(fieldAt(bytes, malformed.offset()), malformed.offset(),
                    malformed.reason());
            throw new DecodingException(body.detail(), new MalformedBody.Exception(body));
        }
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }

    /** The path of the string value that holds byte {@code offset}, read with Jackson's lenient decoding. */
    private String fieldAt(byte[] json, int offset) {
        try (JsonParser parser = getMapper().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                long start = parser.currentTokenLocation().getByteOffset();
                if (token == JsonToken.VALUE_STRING) {
                    parser.getString();
                }
                if (offset < start) {
                    return null;
                }
                if (offset < parser.currentLocation().getByteOffset()) {
                    return token == JsonToken.VALUE_STRING ? path(parser.streamReadContext()) : null;
                }
            }
            return null;
        } catch (JacksonException stoppedThere) {
            return stoppedThere.processor() instanceof JsonParser parser ? path(parser.streamReadContext()) : null;
        }
    }

    /** {@code items[2].price.currency}, as {@link ProblemMapper} names fields. */
    private static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + at.getCurrentIndex() + "]");
            } else if (at.currentName() != null) {
                parts.push("." + at.currentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }
}
