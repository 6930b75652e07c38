package dev.keel.query.push;

import dev.keel.api.push.FindNotifications;
import dev.keel.api.push.NotificationPage;
import dev.keel.query.Queries;
import dev.keel.query.paging.Cursors;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's inbox: every notification, whether push was on or off. */
@RestController
@Tag(name = "Push")
class NotificationQueryController {

    private final Queries queries;

    NotificationQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "My notifications, newest first, read or not (pushed or not)")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed, or comes from another listing (another account's)")
    @GetMapping("/v1/me/notifications")
    Mono<NotificationPage> listMyNotifications(@RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
                                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                               @AuthenticationPrincipal Jwt jwt) {
        var query = new FindNotifications(Me.of(jwt).accountId(), cursor, size);
        NotificationQueries.before(query);
        return queries.one(query, NotificationPage.class);
    }
}
