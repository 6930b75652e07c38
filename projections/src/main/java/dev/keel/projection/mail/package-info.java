/** Sending email over SMTP (Spring Mail), or to the log when no mail server is configured. */
package dev.keel.projection.mail;
