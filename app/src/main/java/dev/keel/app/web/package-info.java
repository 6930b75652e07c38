/** RFC 9457 problem+json for every error any endpoint or filter can produce. */
package dev.keel.app.web;
