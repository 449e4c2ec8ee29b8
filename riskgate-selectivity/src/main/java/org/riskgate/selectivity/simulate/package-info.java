/**
 * The selection simulator: replays dated declarations week by week as an inspection service would
 * live them. Each week a strategy selects under the capacity, only the selected declarations'
 * outcomes are revealed (by the {@link org.riskgate.selectivity.simulate.Oracle}, the one holder of
 * the truth), the model retrains on what has been revealed, and the next week is scored.
 *
 * <p>It sits in riskgate-selectivity because what it studies is selection under capacity (how much
 * of the red share to spend on exploration); it needs riskgate-risk to retrain and nothing above
 * selectivity, so the CLI and the server can both run it.
 */
package org.riskgate.selectivity.simulate;
