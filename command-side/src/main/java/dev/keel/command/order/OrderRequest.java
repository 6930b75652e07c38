package dev.keel.command.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.order.BasketLine;
import dev.keel.api.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A basket as a customer sends it, to quote or to place. There is nowhere to put a price: prices
 * come from the catalog, and strict JSON refuses any field not named here.
 *
 * @param promotionCode a code the customer typed, any case, or {@code null} for the best automatic promotion
 */
record OrderRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines,
                    @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") @Nullable String promotionCode,
                    @NotNull @Valid Address shippingAddress) {

    /** @param quantity how many, 1-1000 */
    record Line(@NotNull ProductId productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    /** @param country ISO 3166-1 alpha-2, upper case; it selects the tax rate */
    record Address(@NotBlank @Size(max = 200) String recipient,
                   @NotBlank @Size(max = 200) String line1,
                   @Size(max = 200) @Nullable String line2,
                   @Size(max = 20) @Nullable String postalCode,
                   @NotBlank @Size(max = 100) String city,
                   @NotNull @Pattern(regexp = "[A-Z]{2}") String country) {

        ShippingAddress toAddress() {
            return new ShippingAddress(recipient.trim(), line1.trim(), line2 == null ? null : line2.trim(),
                    postalCode == null ? null : postalCode.trim(), city.trim(), country);
        }
    }

    List<BasketLine> basket() {
        return lines.stream().map(line -> new BasketLine(line.productId(), line.quantity())).toList();
    }
}
