package org.riskgate.neural;

/**
 * How a network is trained. The defaults were chosen on the internal 2020 holdout (fit on the
 * first 85 % of 2020, early stopping on the latest 15 % of that, tested on the last 15 % of 2020;
 * bench/neural.sh), never on 2021.
 *
 * @param maxEpochs upper bound on passes over the training rows; early stopping usually ends sooner
 * @param patience epochs without a better early-stopping AUC before stopping
 * @param batchSize rows per gradient step
 * @param learningRate Adam's step size
 * @param weightDecay decoupled weight decay per step (AdamW)
 * @param hidden units of the first hidden layer (the second has half as many)
 * @param embedding the width of every category's and party's embedding
 * @param minCount how many training rows a value needs for an embedding of its own
 * @param seed seeds the weights and the order of the rows
 * @param threads PyTorch's threads (read once, when the engine starts)
 */
public record NeuralOptions(
    int maxEpochs, int patience, int batchSize, double learningRate, double weightDecay, int hidden,
    int embedding, int minCount, long seed, int threads) {

  public static final NeuralOptions DEFAULT = new NeuralOptions(40, 4, 512, 2e-3, 1e-4, 128, 12, 2, 42, 2);

  public NeuralOptions {
    if (maxEpochs < 1 || patience < 1 || batchSize < 1 || hidden < 2 || embedding < 1 || minCount < 1
        || threads < 1) {
      throw new IllegalArgumentException("epochs, patience, batch, hidden, embedding width, min count and threads "
          + "must be positive");
    }
    if (!(learningRate > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("the learning rate must be positive and the weight decay not negative");
    }
  }

  /** The same options with another bound on epochs (tests train for one or two). */
  public NeuralOptions withEpochs(int epochs) {
    return new NeuralOptions(epochs, patience, batchSize, learningRate, weightDecay, hidden, embedding,
        minCount, seed, threads);
  }

  java.util.Map<String, String> describe() {
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put("max_epochs", Integer.toString(maxEpochs));
    p.put("patience", Integer.toString(patience));
    p.put("batch_size", Integer.toString(batchSize));
    p.put("learning_rate", Double.toString(learningRate));
    p.put("weight_decay", Double.toString(weightDecay));
    p.put("hidden", hidden + "," + hidden / 2);
    p.put("embedding", Integer.toString(embedding));
    p.put("min_count", Integer.toString(minCount));
    p.put("seed", Long.toString(seed));
    p.put("threads", Integer.toString(threads));
    return p;
  }
}
