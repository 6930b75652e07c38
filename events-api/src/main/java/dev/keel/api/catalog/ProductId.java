package dev.keel.api.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a product; serialized as its UUID string. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException if {@code value} is not a UUID
     */
    @JsonCreator
    public static ProductId of(String value) {
        return new ProductId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
