/** The OpenAPI document and Swagger UI. */
package dev.keel.app.openapi;
