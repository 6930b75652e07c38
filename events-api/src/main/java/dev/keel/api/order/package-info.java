/**
 * Orders: placing one (priced from the catalog, stock reserved, one promotion at most), its life
 * from placed to delivered or cancelled, and reading orders back.
 */
package dev.keel.api.order;
