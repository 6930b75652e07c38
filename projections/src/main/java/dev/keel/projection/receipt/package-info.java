/** Receipts of captured payments: the {@code receipt} read model and the receipt mail. */
package dev.keel.projection.receipt;
