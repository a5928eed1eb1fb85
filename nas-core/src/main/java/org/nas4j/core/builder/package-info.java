/**
 * Builds {@link org.nas4j.core.desc.ModelDesc}s from the {@code nas.<phase>.model_desc} conf
 * section, Archai-style: reduction cells at fixed positions, channels doubling at each, cell stems,
 * post ops, aux tower, classifier. Algorithms subclass {@link
 * org.nas4j.core.builder.ModelDescBuilder} to fill cells with their nodes and edges.
 */
package org.nas4j.core.builder;
