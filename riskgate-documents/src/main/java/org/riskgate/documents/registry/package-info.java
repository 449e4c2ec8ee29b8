/**
 * The reference registry on disk: {@code index.json} lists the references, {@code images/}
 * holds their PNGs and {@code embeddings/} one file per reference and method.
 */
package org.riskgate.documents.registry;
