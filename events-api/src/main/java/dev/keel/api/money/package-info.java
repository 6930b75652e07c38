/** Money as integer minor units with an ISO 4217 currency; never floating point. */
package dev.keel.api.money;
