package dev.keel.api.promotion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a promotion; serialized as its UUID string. */
public record PromotionId(UUID value) {

    public PromotionId {
        Objects.requireNonNull(value, "value");
    }

    public static PromotionId random() {
        return new PromotionId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException if {@code value} is not a UUID
     */
    @JsonCreator
    public static PromotionId of(String value) {
        return new PromotionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
