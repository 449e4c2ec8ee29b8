package org.riskgate.selectivity.rules;

import java.util.Map;
import org.riskgate.core.Declaration;

/** What one rule evaluation sees. */
record Input(Declaration declaration, double score, Map<String, Double> attributes) {}
