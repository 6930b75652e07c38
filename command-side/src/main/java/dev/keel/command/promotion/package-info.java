/**
 * Promotions' write side: the Promotion aggregate, the STAFF endpoint that creates them, and the
 * terms and uses orders read and take in their own transaction.
 */
package dev.keel.command.promotion;
