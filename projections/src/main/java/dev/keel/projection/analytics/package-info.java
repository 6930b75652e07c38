/** The order-analytics index: one document per order line, no personal data, rebuilt beside the served one. */
package dev.keel.projection.analytics;
