/**
 * The analysts' selectivity rules language: parse rule files ({@link
 * org.riskgate.selectivity.rules.Rules#load}), apply them to declarations as a {@link
 * org.riskgate.selectivity.RuleSet}, and backtest them against labelled history ({@link
 * org.riskgate.selectivity.rules.Backtest}).
 *
 * <p>The language reference is {@code docs/rules.md}. The grammar is {@code Rules.g4}; the classes
 * ANTLR generates from it ({@code RulesParser}, {@code RulesLexer}, ...) are public only because
 * ANTLR makes them so and are not part of the API.
 */
package org.riskgate.selectivity.rules;
