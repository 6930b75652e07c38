/** Order analytics for ANALYST and STAFF: the order-line index they search and aggregate, without personal data. */
package dev.keel.api.analytics;
