package dev.keel.command.promotion;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcPromotionBook implements PromotionBook {

    private static final String COLUMNS = """
            promotion_id, code, kind, value, currency, valid_from, valid_until, minimum_minor, minimum_currency,
            per_customer_limit, total_limit, automatic""";

    private final JdbcClient jdbc;

    JdbcPromotionBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PromotionTerms terms) {
        Money minimum = terms.minimumOrder();
        jdbc.sql("INSERT INTO promotion_terms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(terms.promotionId().value(), terms.code(), terms.kind().name(), terms.value(), terms.currency(),
                        utc(terms.validFrom()), utc(terms.validUntil()),
                        minimum == null ? null : minimum.amountMinor(),
                        minimum == null ? null : minimum.currency().getCurrencyCode(),
                        terms.perCustomerLimit(), terms.totalLimit(), terms.automatic())
                .update();
    }

    @Override
    public Optional<PromotionTerms> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM promotion_terms WHERE code = ?")
                .param(code.trim().toUpperCase(Locale.ROOT))
                .query(JdbcPromotionBook::terms).optional();
    }

    @Override
    public List<PromotionTerms> automaticAt(Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM promotion_terms
                        WHERE automatic AND (valid_from IS NULL OR valid_from <= ?)
                          AND (valid_until IS NULL OR valid_until > ?)""")
                .params(utc(at), utc(at))
                .query(JdbcPromotionBook::terms).list();
    }

    @Override
    public UseOutcome take(PromotionTerms terms, AccountId customer) {
        int counted = jdbc.sql("""
                        UPDATE promotion_terms SET used = used + 1
                        WHERE promotion_id = ? AND (total_limit IS NULL OR used < total_limit)""")
                .param(terms.promotionId().value()).update();
        if (counted == 0) {
            return UseOutcome.USED_UP;
        }
        int mine = jdbc.sql("""
                        INSERT INTO promotion_customer_use (promotion_id, customer_id, used) VALUES (?, ?, 1)
                        ON CONFLICT (promotion_id, customer_id) DO UPDATE SET used = promotion_customer_use.used + 1
                        WHERE promotion_customer_use.used < ?""")
                .params(terms.promotionId().value(), customer.value(), customerLimit(terms)).update();
        if (mine == 0) {
            jdbc.sql("UPDATE promotion_terms SET used = used - 1 WHERE promotion_id = ?")
                    .param(terms.promotionId().value()).update();
            return UseOutcome.CUSTOMER_LIMIT_REACHED;
        }
        return UseOutcome.TAKEN;
    }

    @Override
    public UseOutcome check(PromotionTerms terms, AccountId customer) {
        boolean left = jdbc.sql("SELECT total_limit IS NULL OR used < total_limit FROM promotion_terms WHERE promotion_id = ?")
                .param(terms.promotionId().value()).query(Boolean.class).single();
        if (!left) {
            return UseOutcome.USED_UP;
        }
        int mine = jdbc.sql("SELECT coalesce(max(used), 0) FROM promotion_customer_use WHERE promotion_id = ? AND customer_id = ?")
                .params(terms.promotionId().value(), customer.value()).query(Integer.class).single();
        return mine < customerLimit(terms) ? UseOutcome.TAKEN : UseOutcome.CUSTOMER_LIMIT_REACHED;
    }

    @Override
    public void giveBack(PromotionId promotionId, AccountId customer) {
        jdbc.sql("UPDATE promotion_terms SET used = used - 1 WHERE promotion_id = ? AND used > 0")
                .param(promotionId.value()).update();
        jdbc.sql("""
                        UPDATE promotion_customer_use SET used = used - 1
                        WHERE promotion_id = ? AND customer_id = ? AND used > 0""")
                .params(promotionId.value(), customer.value()).update();
    }

    private static int customerLimit(PromotionTerms terms) {
        return terms.perCustomerLimit() == null ? Integer.MAX_VALUE : terms.perCustomerLimit();
    }

    private static PromotionTerms terms(ResultSet row, int n) throws SQLException {
        String minimumCurrency = row.getString("minimum_currency");
        return new PromotionTerms(new PromotionId(row.getObject("promotion_id", UUID.class)), row.getString("code"),
                PromotionKind.valueOf(row.getString("kind")), row.getLong("value"), row.getString("currency"),
                instant(row.getTimestamp("valid_from")), instant(row.getTimestamp("valid_until")),
                minimumCurrency == null ? null : Money.of(row.getLong("minimum_minor"), minimumCurrency),
                row.getObject("per_customer_limit", Integer.class), row.getObject("total_limit", Integer.class),
                row.getBoolean("automatic"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
