package dev.keel.projection.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.push.DeviceRemovalReason;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.RemoveDevice;
import dev.keel.projection.push.PushRecipients.Device;
import dev.keel.projection.push.SentPushes.Done;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pushes one event's notification to the account's devices, exactly once per event and device as far
 * as FCM lets anyone (docs/push.md): devices already done with this event are skipped, each accepted
 * push is recorded at once, a refused token is removed (an event of the account), and messages FCM
 * could not take now are sent again after a growing wait or the {@code Retry-After} FCM asked for.
 * What still fails after the last attempt throws, and Axon parks the event in the dead-letter queue.
 */
@Component
class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private static final MetaData SYSTEM = MetaData.with(MetadataKeys.ACTOR, "system:push")
            .and(MetadataKeys.ROLES, List.of());

    private final PushSender sender;
    private final PushRecipients recipients;
    private final SentPushes sent;
    private final CommandGateway commands;
    private final PushProperties properties;

    PushDelivery(PushSender sender, PushRecipients recipients, SentPushes sent, CommandGateway commands,
                 PushProperties properties) {
        this.sender = sender;
        this.recipients = recipients;
        this.sent = sent;
        this.commands = commands;
        this.properties = properties;
    }

    /**
     * @param message the push for one device, in its language
     * @throws PushNotDelivered when some device could not be reached after every attempt
     */
    void deliver(String eventId, AccountId to, NotificationCategory category, Function<Device, PushMessage> message) {
        Set<String> doneBefore = sent.doneWith(eventId, to);
        List<Device> pending = recipients.of(to, category).stream()
                .filter(device -> !doneBefore.contains(device.deviceId())).toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Device> failed = new ArrayList<>();
            Duration retryAfter = Duration.ZERO;
            String lastError = null;
            for (int from = 0; from < pending.size(); from += PushSender.MAX_BATCH) {
                List<Device> batch = pending.subList(from, Math.min(pending.size(), from + PushSender.MAX_BATCH));
                List<PushOutcome> outcomes = sender.send(batch.stream().map(message).toList());
                List<Done> done = new ArrayList<>();
                List<Device> refused = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Device device = batch.get(i);
                    PushOutcome outcome = outcomes.get(i);
                    if (outcome.kind() == PushOutcome.Kind.RETRY) {
                        failed.add(device);
                        lastError = outcome.error();
                        retryAfter = outcome.retryAfter() == null ? retryAfter : max(retryAfter, outcome.retryAfter());
                    } else {
                        done.add(new Done(device.deviceId(), outcome));
                        if (outcome.kind() != PushOutcome.Kind.SENT) {
                            refused.add(device);
                        }
                    }
                }
                sent.record(eventId, to, done);
                refused.forEach(device -> remove(to, device, outcomes.get(batch.indexOf(device))));
            }
            pending = failed;
            if (pending.isEmpty()) {
                return;
            }
            Duration wait = max(properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 20)), retryAfter);
            if (attempt >= properties.attempts() || wait.compareTo(properties.maxWait()) > 0) {
                throw new PushNotDelivered(eventId, pending.size(), attempt, lastError);
            }
            log.info("FCM could not take {} push(es) of event {} ({}); trying again in {}", pending.size(), eventId,
                    lastError, wait);
            pause(wait);
        }
    }

    private void remove(AccountId to, Device device, PushOutcome outcome) {
        log.info("FCM refused the token of a device of account {} for good ({}); removing the device", to,
                outcome.error());
        DeviceRemovalReason reason = outcome.kind() == PushOutcome.Kind.UNREGISTERED
                ? DeviceRemovalReason.TOKEN_UNREGISTERED : DeviceRemovalReason.TOKEN_INVALID;
        commands.send(new RemoveDevice(to, device.deviceId(), device.fcmToken(), reason), SYSTEM)
                .whenComplete((result, error) -> {
                    if (error != null) {
                        log.warn("Could not remove a refused device of account {}; the next push tries again", to,
                                error);
                    }
                });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry pushes", e);
        }
    }

    /** Some devices could not be reached after every attempt: the event goes to the dead-letter queue. */
    static final class PushNotDelivered extends RuntimeException {
        PushNotDelivered(String eventId, int devices, int attempts, String lastError) {
            super("Push of event " + eventId + " not accepted by FCM for " + devices + " device(s) after " + attempts
                    + " attempt(s); last error " + lastError);
        }
    }
}
