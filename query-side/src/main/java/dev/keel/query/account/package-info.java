/** Reading one's own account and sessions; never anyone else's. */
package dev.keel.query.account;
