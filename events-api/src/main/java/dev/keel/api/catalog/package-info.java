/**
 * The product catalog: products with a SKU, a name, a description, a price, a category, pictures
 * and stock; how they change, how they are found.
 */
package dev.keel.api.catalog;
