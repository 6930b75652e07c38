/** Assembles Keel's modules into one application; cross-cutting web, security and Axon wiring. */
package dev.keel.app;
