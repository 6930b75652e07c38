/** Opaque, checked page cursors shared by the query endpoints that page with keys, not offsets. */
package dev.keel.query.paging;
