package dev.keel.app.replay;

import dev.keel.web.Problems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dead-letter queues of this node's processing groups that have one (push today): what is parked
 * and why, and retrying a parked sequence once its cause is fixed. Retrying runs the group's handler
 * as on first delivery, so side effects stay once per event (push skips devices it reached already).
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<DeadLetterView> list(String group) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            int place = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(view(letter, place++));
            }
        }
        return letters;
    }

    /**
     * @return whether the sequence that holds {@code eventId} was handled to its end; {@code false}: it
     *         failed again and stays parked
     */
    boolean retry(String group, UUID event) {
        String eventId = event.toString();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        String first = null;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            String head = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                head = head == null ? letter.message().getIdentifier() : head;
                if (letter.message().getIdentifier().equals(eventId)) {
                    first = head;
                }
            }
        }
        if (first == null) {
            throw Problems.notFound("No dead letter " + eventId + " in " + group);
        }
        String head = first;
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> Problems.notFound("No dead-letter queue for " + group + " on this node"));
        return processor.process(letter -> letter.message().getIdentifier().equals(head));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> Problems.notFound("No dead-letter queue for " + group + " on this node"));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter, int place) {
        EventMessage<?> message = letter.message();
        String aggregate = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(UUID.fromString(message.getIdentifier()), message.getPayloadType().getSimpleName(), aggregate, place,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null));
    }
}
