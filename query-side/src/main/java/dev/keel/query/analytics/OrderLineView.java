package dev.keel.query.analytics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One order line as the order-analytics index holds it. Amounts in minor units of {@code currency};
 * the order's totals repeat on each of its lines. {@code customerKey} is pseudonymous and absent once
 * the person was erased.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderLineView(@Schema(format = "uuid") String orderId,
                     int lineNumber,
                     int lineCount,
                     @Schema(format = "uuid") String productId,
                     String sku,
                     String productName,
                     @Schema(nullable = true) String category,
                     long quantity,
                     long unitPriceMinor,
                     long lineTotalMinor,
                     long orderSubtotalMinor,
                     long orderDiscountMinor,
                     long orderTaxMinor,
                     long orderTotalMinor,
                     String currency,
                     String country,
                     String status,
                     @Schema(nullable = true, format = "uuid") String promotionId,
                     @Schema(nullable = true) String promotionCode,
                     @Schema(nullable = true) String customerKey,
                     Instant placedAt,
                     @Schema(nullable = true) Instant paidAt,
                     @Schema(nullable = true) Instant fulfilmentStartedAt,
                     @Schema(nullable = true) Instant deliveredAt,
                     @Schema(nullable = true) Instant cancelledAt) {

    static final String CSV_HEADER = "orderId,lineNumber,lineCount,productId,sku,productName,category,quantity,"
            + "unitPriceMinor,lineTotalMinor,orderSubtotalMinor,orderDiscountMinor,orderTaxMinor,orderTotalMinor,"
            + "currency,country,status,promotionId,promotionCode,customerKey,placedAt,paidAt,fulfilmentStartedAt,"
            + "deliveredAt,cancelledAt";

    String csv() {
        Object[] values = {orderId, lineNumber, lineCount, productId, sku, productName, category, quantity,
                unitPriceMinor, lineTotalMinor, orderSubtotalMinor, orderDiscountMinor, orderTaxMinor, orderTotalMinor,
                currency, country, status, promotionId, promotionCode, customerKey, placedAt, paidAt,
                fulfilmentStartedAt, deliveredAt, cancelledAt};
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(values[i]));
        }
        return row.append("\r\n").toString();
    }

    /**
     * RFC 4180 quoting; text a spreadsheet would take for a formula gets a leading apostrophe (product
     * names are typed by staff, and an export is opened by someone else).
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith("'");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
