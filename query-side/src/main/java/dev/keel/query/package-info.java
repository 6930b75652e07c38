/** The read side: query handlers over the read models and the endpoints that ask them. */
package dev.keel.query;
