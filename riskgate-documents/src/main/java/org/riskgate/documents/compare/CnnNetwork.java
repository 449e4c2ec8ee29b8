package org.riskgate.documents.compare;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import org.riskgate.documents.Kind;

/**
 * The embedding network, one per kind: four 3x3 convolution blocks (batch norm, ReLU, 2x2 max
 * pooling) and a linear layer to a 64-dimensional embedding. Small on purpose: it must train
 * in minutes on two CPU cores and ship in well under 2 MB.
 */
final class CnnNetwork {

  static final int EMBEDDING = 64;
  private static final int[] FILTERS = {12, 24, 48, 64};

  private CnnNetwork() {}

  static SequentialBlock block() {
    SequentialBlock b = new SequentialBlock();
    for (int f : FILTERS) {
      b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(f).build());
      b.add(BatchNorm.builder().build());
      b.add(Activation.reluBlock());
      b.add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }
    b.add(Blocks.batchFlattenBlock());
    b.add(Linear.builder().setUnits(EMBEDDING).build());
    return b;
  }

  static Shape inputShape(Kind kind, int batch) {
    return new Shape(batch, 1, InkMap.height(kind), InkMap.width(kind));
  }

  /** Resource path of the shipped weights of a kind. */
  static String resource(Kind kind) {
    return "/org/riskgate/documents/cnn-" + kind.label() + ".params";
  }
}
