/** Accounts' read models (the account with decrypted personal data, its sessions) and their mail. */
package dev.keel.projection.account;
