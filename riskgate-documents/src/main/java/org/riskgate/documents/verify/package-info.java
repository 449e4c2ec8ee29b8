/** The default {@link org.riskgate.documents.DocumentVerifier}: load, detect, compare, decide. */
package org.riskgate.documents.verify;
