/** Sending email over SMTP (Spring Mail), or to the log when KEEL_MAIL_HOST says so. */
package dev.keel.projection.mail;
