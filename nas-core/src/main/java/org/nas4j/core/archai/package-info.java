/**
 * Import of model descriptions saved by Microsoft Archai ({@code final_model_desc.yaml}), read as
 * plain data: Python object tags are never turned into objects.
 */
package org.nas4j.core.archai;
