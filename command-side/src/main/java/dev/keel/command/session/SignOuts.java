package dev.keel.command.session;

import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.command.account.RevokeSession;
import dev.keel.command.account.RevokeSessions;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Ending sessions. Not retry-safe by nature and so without an Idempotency-Key: ending a session twice
 * is a 404 the second time, which a client that lost the first answer can take as done.
 */
@Component
class SignOuts {

    private static final String CURRENT = "current";

    private final CommandSender commands;

    SignOuts(CommandSender commands) {
        this.commands = commands;
    }

    /** @param sessionId a session id, or {@code current} for the one the token belongs to */
    Mono<Void> end(ServerWebExchange exchange, Me me, String sessionId) {
        boolean current = CURRENT.equals(sessionId);
        SessionId target = current ? me.sessionId() : parse(sessionId);
        if (target == null) {
            return Mono.error(Problems.notFound("This token belongs to no session"));
        }
        var reason = target.equals(me.sessionId()) ? SessionRevocationReason.LOGGED_OUT
                : SessionRevocationReason.REVOKED_BY_USER;
        return commands.sendWithoutKey(exchange, new RevokeSession(me.accountId(), target, reason)).then();
    }

    Mono<Void> endAll(ServerWebExchange exchange, Me me) {
        return commands.sendWithoutKey(exchange, new RevokeSessions(me.accountId(), null,
                SessionRevocationReason.SIGNED_OUT_EVERYWHERE)).then();
    }

    private static SessionId parse(String sessionId) {
        try {
            return SessionId.of(sessionId);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("You have no session " + sessionId);
        }
    }
}
