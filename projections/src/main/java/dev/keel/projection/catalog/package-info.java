/** The catalog's read models: the product table and the product search index. */
package dev.keel.projection.catalog;
