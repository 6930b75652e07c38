package dev.keel.api.order;

/**
 * Where an order goes. Personal data: events keep it encrypted under the customer's key.
 *
 * @param line2      second address line, or {@code null}
 * @param postalCode postal code, or {@code null} where the country has none
 * @param country    ISO 3166-1 alpha-2 code, upper case; it also selects the tax rate
 */
public record ShippingAddress(String recipient,
                              String line1,
                              String line2,
                              String postalCode,
                              String city,
                              String country) {
}
