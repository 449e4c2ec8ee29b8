/**
 * The loop from inspection results back into the model: a challenger retrained from the store's
 * recorded results, shadow-scoring new declarations beside the champion, judged on the inspected
 * random picks with inverse-propensity estimates, promoted only by a supervisor and only when not
 * worse; and drift of the stored declarations against the champion's training period.
 */
package org.riskgate.server.loop;
