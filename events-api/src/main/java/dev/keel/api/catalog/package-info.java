/** The product catalog: products with a SKU, a name, a description and a price. */
package dev.keel.api.catalog;
