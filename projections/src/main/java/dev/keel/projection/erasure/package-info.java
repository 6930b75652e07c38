/**
 * Erasure on the read side: the contract every read model with personal data fulfils, so that
 * erasing a person reaches every table and index, and a new one cannot forget it unnoticed.
 */
package dev.keel.projection.erasure;
