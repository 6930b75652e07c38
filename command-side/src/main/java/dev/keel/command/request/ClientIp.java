package dev.keel.command.request;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;

/**
 * The client's IP address as this server sees it: the peer, or the forwarded client when
 * {@code KEEL_FORWARD_HEADERS=framework} trusts a proxy in front.
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
