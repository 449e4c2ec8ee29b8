/**
 * Finding stamps and signatures on a page. Two {@link org.riskgate.documents.detect.PageDetector}s:
 * {@link org.riskgate.documents.detect.InkDetector}, hand-set rules (ink masks at half resolution,
 * coloured ink and dark ink apart, removal of ruled lines, connected components, grouping, and a
 * stamp / signature decision from shape features), and
 * {@link org.riskgate.documents.detect.LearnedDetector}, a small fully convolutional network that
 * calls every cell of the page, with its trainer ({@link org.riskgate.documents.detect.DetectorTrainer})
 * and the validation check both are judged by ({@link org.riskgate.documents.detect.DetectionCheck}).
 */
package org.riskgate.documents.detect;
