package dev.keel.command.push;

import dev.keel.api.push.DevicePlatform;
import dev.keel.api.push.DeviceRemovalReason;
import dev.keel.api.push.RegisterDevice;
import dev.keel.api.push.RemoveDevice;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** The signed-in person's devices for push; they are listed in {@code GET /v1/me}. */
@RestController
@RequestMapping("/v1/me/devices/{deviceId}")
@Tag(name = "Push")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class DeviceController {

    private static final java.util.regex.Pattern DEVICE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CommandSender commands;

    DeviceController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * @param fcmToken the registration token the Firebase SDK gave the app
     * @param locale   BCP 47 language tag of the device ({@code de-DE}); pushes are written in its language
     */
    record Device(@NotBlank @Size(max = 4096) @Pattern(regexp = "[\\x21-\\x7e]+") String fcmToken,
                  @NotNull DevicePlatform platform,
                  @NotBlank @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String locale) {
    }

    @Operation(summary = "Register this device for push, or change its token or locale",
            description = "A token registered by another account's device moves to this one. The same values"
                    + " again change nothing.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Registered (or registered already)")
    @PutMapping
    Mono<ResponseEntity<Void>> registerDevice(@PathVariable String deviceId, @Valid @RequestBody Device device,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new RegisterDevice(Me.of(jwt).accountId(), checked(deviceId), device.fcmToken(),
                device.platform(), languageTag(device.locale()));
        return commands.send(exchange, device, command).thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Stop pushes to this device; removing one not registered changes nothing")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Removed (or not registered)")
    @DeleteMapping
    Mono<ResponseEntity<Void>> removeDevice(@PathVariable String deviceId,
                                            @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                            @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new RemoveDevice(Me.of(jwt).accountId(), checked(deviceId), null,
                DeviceRemovalReason.REMOVED_BY_USER);
        return commands.send(exchange, null, command).thenReturn(ResponseEntity.noContent().build());
    }

    private static String checked(String deviceId) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw Problems.invalid("invalid-field", "deviceId",
                    "deviceId must be 1-128 letters, digits or . _ : -");
        }
        return deviceId;
    }

    private static String languageTag(String locale) {
        try {
            return new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw Problems.invalid("validation-failed", "locale", "locale is not a BCP 47 language tag: " + e.getMessage());
        }
    }
}
