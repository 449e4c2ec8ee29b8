package org.riskgate.server.store;

import java.util.Optional;
import org.riskgate.core.Declaration;

/** A declaration with its decision and, once recorded, its inspection result. */
public record CaseFile(Declaration declaration, StoredDecision decision, Optional<InspectionResult> result) {}
