/**
 * The experiment report: {@link org.nas4j.cli.report.ReportWriter} reads an experiment directory
 * and writes {@code report.html}, one self-contained page (inline SVG, no scripts, no network) with
 * the run's summary, the final cells, training curves, the evolution of the architecture weights,
 * throughput and model size.
 */
package org.nas4j.cli.report;
