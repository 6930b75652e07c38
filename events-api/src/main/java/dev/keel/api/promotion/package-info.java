/** Promotions: a percentage or an amount off an order, by code or automatic, within limits. */
package dev.keel.api.promotion;
