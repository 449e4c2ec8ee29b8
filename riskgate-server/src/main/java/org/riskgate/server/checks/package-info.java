/**
 * The capability modules as the server uses them: HS suggestion and checks (riskgate-hs),
 * stamp/signature verification of uploaded documents (riskgate-documents), and party profiles
 * (riskgate-profiles) over the stored history.
 */
package org.riskgate.server.checks;
