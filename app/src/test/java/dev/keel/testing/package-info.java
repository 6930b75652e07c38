/** Beans that integration tests share: token minting, test data, probes. */
package dev.keel.testing;
