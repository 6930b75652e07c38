package dev.keel.app.web;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/** Requests refused before any controller runs still get a problem body that says why. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    NettyServerCustomizer edgeProblems() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "keel.edgeProblems", new EdgeProblems());
            }
        });
    }

    /** Spring Security's firewall refuses {@code %2F}, {@code %00}, {@code ..} and the like with an empty 400. */
    @Bean
    ServerExchangeRejectedHandler firewallProblems(ProblemResponses responses) {
        return (exchange, rejected) -> responses.write(exchange,
                ProblemMapper.problem(HttpStatus.BAD_REQUEST, "malformed-request", rejected.getMessage()));
    }
}
