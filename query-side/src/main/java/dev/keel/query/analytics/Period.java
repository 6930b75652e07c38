package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.keel.api.order.OrderStatus;
import dev.keel.web.Problems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders a report covers: placed in {@code [from, to)}, optionally in one status. Reports of
 * sales, products and customers leave cancelled orders out; the order listing and export show them.
 */
record Period(Instant from, Instant to) {

    /** @throws org.springframework.web.ErrorResponseException 400 {@code invalid-field} naming {@code to} */
    Period {
        if (!from.isBefore(to)) {
            throw Problems.invalid("invalid-field", "to", "'to' must be after 'from' (" + from + ")");
        }
    }

    Query placed() {
        return Query.of(q -> q.range(range -> range.date(date -> date.field("placedAt")
                .gte(from.toString()).lt(to.toString()))));
    }

    /** Placed in the period and not cancelled: what counts as a sale. */
    Query sales() {
        return Query.of(q -> q.bool(bool -> bool.filter(placed())
                .mustNot(not -> not.term(term -> term.field("status").value(OrderStatus.CANCELLED.name())))));
    }

    /** Placed in the period, in {@code status} if given, matching the words {@code text} if given. */
    Query lines(OrderStatus status, String text) {
        List<Query> filters = new ArrayList<>(List.of(placed()));
        if (status != null) {
            filters.add(Query.of(q -> q.term(term -> term.field("status").value(status.name()))));
        }
        if (text != null && !text.isBlank()) {
            filters.add(Query.of(q -> q.bool(bool -> bool
                    .should(s -> s.match(match -> match.field("productName").query(text)))
                    .should(s -> s.term(term -> term.field("sku").value(text.trim())))
                    .should(s -> s.term(term -> term.field("category").value(text.trim())))
                    .should(s -> s.term(term -> term.field("promotionCode").value(text.trim().toUpperCase())))
                    .should(s -> s.term(term -> term.field("orderId").value(text.trim())))
                    .minimumShouldMatch("1"))));
        }
        return Query.of(q -> q.bool(bool -> bool.filter(filters)));
    }
}
