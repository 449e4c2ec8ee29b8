/** Load benchmarks: run by hand from a second process, they print tables; they are not tests. */
package org.riskgate.server.bench;
