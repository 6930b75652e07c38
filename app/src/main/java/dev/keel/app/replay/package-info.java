/** Projections as staff operate them: their status, lag and replay progress, and replays while the service runs. */
package dev.keel.app.replay;
