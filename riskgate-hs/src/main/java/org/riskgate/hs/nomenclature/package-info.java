/** Loads the bundled HS 2022 nomenclature (and optional national extensions) into an in-memory tree. */
package org.riskgate.hs.nomenclature;
