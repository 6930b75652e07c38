/** The orders' read model and the order change log that live updates and offline sync follow. */
package dev.keel.projection.order;
