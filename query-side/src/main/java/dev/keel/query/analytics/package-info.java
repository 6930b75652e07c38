/** ANALYST and STAFF reports over the order-analytics index: sales, top products, customers, order lines, CSV export. */
package dev.keel.query.analytics;
