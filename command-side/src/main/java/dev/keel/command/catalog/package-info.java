/** The product catalog's write side: the Product aggregate and the staff endpoints that change it. */
package dev.keel.command.catalog;
