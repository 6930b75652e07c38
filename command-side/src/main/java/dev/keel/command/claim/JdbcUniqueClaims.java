package dev.keel.command.claim;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUniqueClaims implements UniqueClaims, ClaimReleases {

    private final JdbcClient jdbc;

    JdbcUniqueClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String scope, String value, String owner) {
        int inserted = jdbc.sql("""
                        INSERT INTO unique_claim (scope, value, owner_id) VALUES (?, ?, ?)
                        ON CONFLICT (scope, value) DO NOTHING""")
                .params(scope, value, owner)
                .update();
        return inserted == 1 || owner.equals(jdbc.sql("SELECT owner_id FROM unique_claim WHERE scope = ? AND value = ?")
                .params(scope, value)
                .query(String.class)
                .single());
    }

    @Override
    public void releaseAll(String owner) {
        jdbc.sql("DELETE FROM unique_claim WHERE owner_id = ?").param(owner).update();
    }
}
