/** What separates the one-command development run from a deployment: which defaults each may use. */
package dev.keel.app.deployment;
