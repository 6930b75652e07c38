/** Stored events of an older shape read as the current one: one upcaster per changed event revision. */
package dev.keel.app.upcasting;
