package org.riskgate.documents.detect;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The learned detector's network, fully convolutional: over the 75 dpi {@link InkPlanes}, two
 * 3x3 convolution blocks with 2x2 max pooling (16 and 24 filters) bring it to cells of
 * {@link #CELL} page pixels (about 1.4 mm), four dilated 3x3 blocks (dilation 1, 2, 4, 8; 24
 * filters) see about 500 pixels of the 300 dpi page around each cell (a stamp's frame, a
 * signature beside its printed line), and a 1x1 convolution gives per cell the scores of
 * background, stamp and signature. About 20 000 weights: it trains in minutes on two CPU cores.
 */
final class CellNetwork {

  /** Output order: background, then {@link org.riskgate.documents.Kind} in declaration order. */
  static final int CLASSES = 3;
  /** Plane pixels per cell side (two poolings). */
  static final int STRIDE = 4;
  /** 300 dpi page pixels per cell side. */
  static final int CELL = STRIDE * InkPlanes.REDUCTION;
  static final String RESOURCE = "/org/riskgate/documents/detector.params";
  private static final int[] DILATIONS = {1, 2, 4, 8};

  private CellNetwork() {}

  static SequentialBlock block() {
    SequentialBlock b = new SequentialBlock();
    for (int f : new int[] {16, 24}) {
      conv(b, f, 1);
      b.add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }
    for (int d : DILATIONS) {
      conv(b, 24, d);
    }
    b.add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(CLASSES).build());
    return b;
  }

  private static void conv(SequentialBlock b, int filters, int dilation) {
    b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(dilation, dilation))
        .optDilation(new Shape(dilation, dilation)).setFilters(filters).build());
    b.add(BatchNorm.builder().build());
    b.add(Activation.reluBlock());
  }

  static Shape inputShape(int batch, int height, int width) {
    return new Shape(batch, 2, height, width);
  }
}
