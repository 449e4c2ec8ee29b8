/**
 * Counterfeit document check: finds stamps and signatures on a scanned page and compares each
 * with the issuer's registered reference.
 *
 * <p>The public API is small: {@link org.riskgate.documents.DocumentVerifier} returns a {@link
 * org.riskgate.documents.VerificationReport} of {@link org.riskgate.documents.RegionResult}s, each
 * with a sealed {@link org.riskgate.documents.Verdict}; {@link
 * org.riskgate.documents.ReferenceRegistry} keeps the references. Everything else lives in
 * sub-packages and may change.
 */
package org.riskgate.documents;
