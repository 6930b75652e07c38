/**
 * Reading orders: mine (newest first), one with its ETag, and STAFF's queue by status. A customer's
 * query always carries their account, so another customer's order reads as not found.
 */
package dev.keel.query.order;
