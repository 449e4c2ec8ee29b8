/**
 * JMH benchmarks of index build and suggestion latency; run with {@code riskgate-hs/bench/run.sh},
 * never as unit tests.
 */
package org.riskgate.hs.bench;
