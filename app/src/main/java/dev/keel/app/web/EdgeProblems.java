package dev.keel.app.web;

import dev.keel.web.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Problem+json for what is refused before the application sees a request, one instance per
 * connection, just ahead of Reactor Netty's request handling:
 * <ul>
 *   <li>a request head the HTTP decoder could not read (414 line too long, 431 headers too large,
 *   400 otherwise), a request target that is not a valid ASCII URI or whose escapes are not UTF-8,
 *   and an HTTP/1.1 request without exactly one {@code Host}: answered here, and the connection
 *   closed, as Reactor Netty would, but with a body that says why;</li>
 *   <li>any other error response that would leave with no body and no content type (a chunked body
 *   that cannot be decoded, say): given a problem body on its way out, and an error id that the log
 *   repeats if it is a 5xx.</li>
 * </ul>
 */
final class EdgeProblems extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeProblems.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DETAIL = 300;

    /** Methods of requests passed on and not yet answered, in order (HTTP/1.1 pipelining). */
    private final Deque<HttpMethod> unanswered = new ArrayDeque<>();
    private boolean closing;
    private String bodyProblem;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Refusal refusal = refusalOf(request);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                closing = true;
                answer(ctx, refusal);
                return;
            }
            unanswered.add(request.method());
            bodyProblem = null;
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            bodyProblem = "The request body could not be decoded: " + content.decoderResult().cause().getMessage();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            HttpMethod method = unanswered.poll();
            if (msg instanceof FullHttpResponse full && lacksProblemBody(full) && !HttpMethod.HEAD.equals(method)) {
                msg = withProblemBody(full);
            }
        }
        ctx.write(msg, promise);
    }

    private record Refusal(HttpResponseStatus status, String detail) {
    }

    private static Refusal refusalOf(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return switch (result.cause()) {
                case TooLongHttpLineException tooLong -> new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG,
                        "The request line is longer than this server accepts: shorten the URL");
                case TooLongHttpHeaderException tooLarge -> new Refusal(
                        HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "The request headers are larger than this server accepts");
                case Throwable other -> new Refusal(HttpResponseStatus.BAD_REQUEST,
                        "The request is not well-formed HTTP/1.1: " + other.getMessage());
            };
        }
        String targetProblem = RequestTarget.problemWith(request.uri());
        if (targetProblem != null) {
            return new Refusal(HttpResponseStatus.BAD_REQUEST, targetProblem);
        }
        if (HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                && request.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "An HTTP/1.1 request needs exactly one Host header");
        }
        return null;
    }

    private static void answer(ChannelHandlerContext ctx, Refusal refusal) {
        byte[] body = problem(refusal.status(), refusal.detail());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal.status(),
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean lacksProblemBody(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private FullHttpResponse withProblemBody(FullHttpResponse response) {
        HttpResponseStatus status = response.status();
        String detail = bodyProblem != null && status.code() == 400 ? bodyProblem
                : "The request was refused before it reached the application";
        byte[] body;
        if (status.code() >= 500) {
            String errorId = UUID.randomUUID().toString();
            log.error("{} left without a body; answered with error id {}", status, errorId);
            body = problem(status, "Something went wrong on our side; quote error id " + errorId
                    + " when reporting it.", errorId);
        } else {
            body = problem(status, detail);
        }
        FullHttpResponse replaced = response.replace(Unpooled.wrappedBuffer(body));
        replaced.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.release();
        return replaced;
    }

    private static byte[] problem(HttpResponseStatus status, String detail) {
        return problem(status, detail, null);
    }

    private static byte[] problem(HttpResponseStatus status, String detail, String errorId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", status.code() == 400 ? Problems.type("malformed-request").toString()
                : Problems.typeForStatus(status.code()).toString());
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail);
        if (errorId != null) {
            problem.put("errorId", errorId);
        }
        return JSON.writeValueAsBytes(problem);
    }
}
