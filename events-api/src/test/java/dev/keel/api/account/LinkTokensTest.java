package dev.keel.api.account;

import dev.keel.api.account.LinkTokens.Link;
import dev.keel.api.account.LinkTokens.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokensTest {

    private final LinkTokens tokens = new LinkTokens(key(1));
    private final Link link = new Link(Purpose.VERIFY_EMAIL, AccountId.random(), UUID.randomUUID(),
            Instant.parse("2026-05-02T10:00:00Z"));

    @Test
    void aTokenOpensAsTheLinkItWasMadeFor() {
        assertThat(tokens.open(tokens.issue(link), Purpose.VERIFY_EMAIL)).contains(link);
    }

    @Test
    void aVerificationTokenDoesNotOpenAsAPasswordReset() {
        assertThat(tokens.open(tokens.issue(link), Purpose.RESET_PASSWORD)).isEmpty();
    }

    @Test
    void aTokenMadeWithAnotherKeyDoesNotOpen() {
        assertThat(new LinkTokens(key(2)).open(tokens.issue(link), Purpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void aTokenWithAnyByteChangedDoesNotOpen() {
        byte[] token = Base64.getUrlDecoder().decode(tokens.issue(link));
        for (int i = 0; i < token.length; i++) {
            byte[] changed = token.clone();
            changed[i] ^= 1;
            assertThat(tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(changed), Purpose.VERIFY_EMAIL))
                    .as("byte %d changed", i).isEmpty();
        }
    }

    @Test
    void aTokenThatSwapsInAnotherAccountDoesNotOpen() {
        Link other = new Link(link.purpose(), AccountId.random(), link.requestId(), link.expiresAt());
        byte[] forged = Base64.getUrlDecoder().decode(tokens.issue(link));
        byte[] theirs = Base64.getUrlDecoder().decode(tokens.issue(other));
        System.arraycopy(theirs, 2, forged, 2, 16);
        assertThat(tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(forged), Purpose.VERIFY_EMAIL))
                .isEmpty();
    }

    @Test
    void malformedTokensDoNotOpen() {
        assertThat(tokens.open("not a token", Purpose.VERIFY_EMAIL)).isEmpty();
        assertThat(tokens.open("", Purpose.VERIFY_EMAIL)).isEmpty();
        assertThat(tokens.open(tokens.issue(link).substring(1), Purpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void tokensOfTwoRequestsDiffer() {
        Link next = new Link(link.purpose(), link.accountId(), UUID.randomUUID(), link.expiresAt());
        assertThat(tokens.issue(next)).isNotEqualTo(tokens.issue(link));
    }

    @Test
    void aTokenFitsInALinkAsItIs() {
        assertThat(tokens.issue(link)).matches("[A-Za-z0-9_-]+").hasSizeLessThan(120);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
