/**
 * Synthetic data with fixed seeds: issuers with their stamp design and signer, documents with
 * printed text, inked stamps and handwritten signatures, scanning effects and forgeries (skilled
 * imitations and copies of another issuer's stamp or signature). No open stamp or signature data
 * set can be fetched here, so training, validation and evaluation all run on this generator.
 */
package org.riskgate.documents.synth;
