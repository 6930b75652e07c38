/**
 * HTTP input taken strictly (UTF-8 JSON without coercion, single-valued headers, request targets)
 * and RFC 9457 problem+json for every error an endpoint, a filter or the server itself produces.
 */
package dev.keel.app.web;
