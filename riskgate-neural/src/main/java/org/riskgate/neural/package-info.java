/**
 * Neural risk models behind riskgate-risk's {@link org.riskgate.risk.Trainer}: a fully connected
 * network over entity embeddings of the categories and parties ({@link EntityNetTrainer}), and a
 * tree-aware attention network over the leaves of a small boosted model ({@link
 * TreeAttentionTrainer}). Trained and scored with DJL on PyTorch's CPU engine, offline; DJL's types
 * never leave this package. Their explanations are integrated gradients, per feature, in the
 * pipeline's words.
 */
package org.riskgate.neural;
