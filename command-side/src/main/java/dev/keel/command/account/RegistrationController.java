package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.api.account.Role;
import dev.keel.command.account.AccountCommands.RegisterAccount;
import dev.keel.command.account.AccountCommands.VerifyEmail;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/v1/accounts")
@Tag(name = "Accounts")
class RegistrationController {

    private final CommandSender commands;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final MailedLinks links;
    private final IdentityProperties properties;

    RegistrationController(CommandSender commands, PasswordPolicy policy, Passwords passwords, MailedLinks links,
                           IdentityProperties properties) {
        this.commands = commands;
        this.policy = policy;
        this.passwords = passwords;
        this.links = links;
        this.properties = properties;
    }

    record RegisterRequest(@NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(max = 1024) String password,
                           @NotBlank @Size(max = 100) String displayName) {
    }

    record VerificationRequest(@NotBlank @Size(max = 256) String token) {
    }

    record Registered(AccountId accountId) {
    }

    @Operation(summary = "Create an account (public). Mails a link to verify the email address. 409"
            + " email-already-registered; 400 weak-password naming what is wrong.")
    @Public
    @PostMapping
    Mono<ResponseEntity<Registered>> register(@Valid @RequestBody RegisterRequest request,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              ServerWebExchange exchange) {
        String email = request.email().trim();
        String displayName = request.displayName().trim();
        policy.check("password", request.password(), email, displayName);
        Instant now = Instant.now();
        return Mono.fromCallable(() -> passwords.hash(request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(hash -> new RegisterAccount(AccountId.random(), email, displayName, hash, null, false,
                        Set.of(Role.CUSTOMER), UUID.randomUUID(), now.plus(properties.verificationTtl())))
                .flatMap(command -> commands.<AccountId>send(exchange, request, command))
                .map(accountId -> ResponseEntity.created(URI.create("/v1/me")).body(new Registered(accountId)));
    }

    @Operation(summary = "Prove the email address with the token from the mailed link (public)")
    @Public
    @PostMapping("/email-verification")
    Mono<ResponseEntity<Void>> verify(@Valid @RequestBody VerificationRequest request,
                                      @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                      ServerWebExchange exchange) {
        Instant now = Instant.now();
        return Mono.fromCallable(() -> links.open(request.token(), Purpose.VERIFY_EMAIL, now))
                .flatMap(link -> commands.send(exchange, request, new VerifyEmail(link.accountId(), link.requestId(), now)))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
