package dev.keel.app.upcasting;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCreatedUpcasterTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final ProductCreatedUpcaster upcaster = new ProductCreatedUpcaster();

    @Test
    void aProductOfTheFirstSliceReadsWithoutCategoryOrImagesAndWithUnlimitedStock() {
        ProductId id = ProductId.random();
        String stored = """
                {"productId":"%s","sku":"MUG-1","name":"Mug","description":"Blue",\
                "price":{"amountMinor":1299,"currency":"EUR"}}""".formatted(id);

        ProductCreated event = serializer.deserialize(upcast(stored, "1").getData());

        assertThat(event).isEqualTo(new ProductCreated(id, "MUG-1", "Mug", "Blue", Money.of(1_299, "EUR"), null,
                List.of(), StockLevel.unlimited(id, 0)));
    }

    @Test
    void theCurrentRevisionIsLeftAlone() {
        ProductId id = ProductId.random();
        var current = new ProductCreated(id, "MUG-2", "Mug", "", Money.of(1, "EUR"), "kitchen",
                List.of("https://img.example/a.jpg"), new StockLevel(id, 4L, 4L, 0));
        String stored = new String(serializer.serialize(current, byte[].class).getData(), StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcast(stored, "2");

        assertThat(read.getType()).isEqualTo(ProductCreatedUpcaster.REVISION_2);
        assertThat((ProductCreated) serializer.deserialize(read.getData())).isEqualTo(current);
    }

    private IntermediateEventRepresentation upcast(String payload, String revision) {
        var entry = new GenericDomainEventEntry<>("Product", UUID.randomUUID().toString(), 0,
                UUID.randomUUID().toString(), Instant.now(), ProductCreated.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
    }
}
