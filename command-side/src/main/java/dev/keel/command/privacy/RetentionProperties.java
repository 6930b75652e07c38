package dev.keel.command.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long data about a person is kept when nothing happens (README: Configuration).
 *
 * @param dormantAccounts an account nobody signed in to or refreshed for this long is erased; zero
 *                        (the default) keeps accounts until their holder or COMPLIANCE erases them
 */
@ConfigurationProperties("keel.retention")
record RetentionProperties(@DefaultValue("0s") Duration dormantAccounts) {
}
