/**
 * Benchmarks of whole training steps, reported as one JSON line (never a test: nothing fails on
 * speed).
 */
package org.nas4j.cli.bench;
