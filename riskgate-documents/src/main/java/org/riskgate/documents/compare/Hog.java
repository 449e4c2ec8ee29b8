package org.riskgate.documents.compare;

/**
 * Histogram of oriented gradients (Dalal and Triggs): 8x8-pixel cells, 9 unsigned orientation
 * bins, 2x2-cell blocks normalised with L2-Hys, the whole vector L2-normalised so that a dot
 * product is the cosine similarity.
 */
final class Hog {

  static final int CELL = 8;
  static final int BINS = 9;

  private Hog() {}

  static float[] describe(float[] img, int w, int h) {
    int cw = w / CELL;
    int ch = h / CELL;
    float[] cells = new float[cw * ch * BINS];
    for (int y = 0; y < ch * CELL; y++) {
      for (int x = 0; x < cw * CELL; x++) {
        float gx = at(img, w, h, x + 1, y) - at(img, w, h, x - 1, y);
        float gy = at(img, w, h, x, y + 1) - at(img, w, h, x, y - 1);
        float mag = (float) Math.sqrt(gx * gx + gy * gy);
        if (mag == 0) {
          continue;
        }
        double ang = Math.atan2(gy, gx);
        if (ang < 0) {
          ang += Math.PI;
        }
        double pos = ang / Math.PI * BINS - 0.5;
        int b0 = (int) Math.floor(pos);
        double f = pos - b0;
        int cell = ((y / CELL) * cw + x / CELL) * BINS;
        cells[cell + Math.floorMod(b0, BINS)] += (float) (mag * (1 - f));
        cells[cell + Math.floorMod(b0 + 1, BINS)] += (float) (mag * f);
      }
    }
    int bw = cw - 1;
    int bh = ch - 1;
    float[] out = new float[bw * bh * 4 * BINS];
    int k = 0;
    for (int by = 0; by < bh; by++) {
      for (int bx = 0; bx < bw; bx++) {
        int start = k;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            System.arraycopy(cells, ((by + dy) * cw + bx + dx) * BINS, out, k, BINS);
            k += BINS;
          }
        }
        l2hys(out, start, k);
      }
    }
    normalise(out);
    return out;
  }

  private static void l2hys(float[] v, int from, int to) {
    double n = 1e-6;
    for (int i = from; i < to; i++) {
      n += v[i] * v[i];
    }
    n = Math.sqrt(n);
    double m = 1e-6;
    for (int i = from; i < to; i++) {
      v[i] = (float) Math.min(0.2, v[i] / n);
      m += v[i] * v[i];
    }
    m = Math.sqrt(m);
    for (int i = from; i < to; i++) {
      v[i] = (float) (v[i] / m);
    }
  }

  static void normalise(float[] v) {
    double n = 1e-9;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / n);
    }
  }

  private static float at(float[] img, int w, int h, int x, int y) {
    return img[Math.clamp(y, 0, h - 1) * w + Math.clamp(x, 0, w - 1)];
  }
}
