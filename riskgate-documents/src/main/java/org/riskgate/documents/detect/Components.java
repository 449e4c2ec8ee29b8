package org.riskgate.documents.detect;

/**
 * 8-connected components of equal non-zero mask values, by two-pass union-find labelling; arrays
 * instead of objects because a page has tens of thousands of components.
 */
final class Components {
  final int[] x0;
  final int[] y0;
  final int[] x1;
  final int[] y1;
  final int[] size;
  final byte[] value;
  /** Sums of the components' pixel colours, channel by channel, to tell one ink from another. */
  final long[] red;
  final long[] green;
  final long[] blue;
  private final int count;

  private Components(int n) {
    count = n;
    x0 = new int[n];
    y0 = new int[n];
    x1 = new int[n];
    y1 = new int[n];
    size = new int[n];
    value = new byte[n];
    red = new long[n];
    green = new long[n];
    blue = new long[n];
  }

  int count() {
    return count;
  }

  /** Labels the mask; {@code rgb} holds the packed colour of every mask pixel, summed per component. */
  static Components label(byte[] mask, int[] rgb, int w, int h) {
    int[] labels = new int[w * h];
    int[] parent = new int[w * h / 2 + 2];
    int next = 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        byte v = mask[i];
        if (v == 0) {
          continue;
        }
        int l = 0;
        // neighbours already visited: W, NW, N, NE
        int[] nb = {
          x > 0 ? i - 1 : -1, x > 0 && y > 0 ? i - w - 1 : -1, y > 0 ? i - w : -1, y > 0 && x + 1 < w ? i - w + 1 : -1
        };
        for (int j : nb) {
          if (j >= 0 && mask[j] == v) {
            int lj = find(parent, labels[j]);
            if (l == 0) {
              l = lj;
            } else if (lj != l) {
              parent[Math.max(l, lj)] = Math.min(l, lj);
              l = Math.min(l, lj);
            }
          }
        }
        if (l == 0) {
          if (next >= parent.length) {
            parent = java.util.Arrays.copyOf(parent, parent.length * 2);
          }
          parent[next] = next;
          l = next++;
        }
        labels[i] = l;
      }
    }
    int[] compact = new int[next];
    int n = 0;
    for (int l = 1; l < next; l++) {
      int r = find(parent, l);
      if (r == l) {
        compact[l] = n++;
      }
    }
    Components c = new Components(n);
    java.util.Arrays.fill(c.x0, Integer.MAX_VALUE);
    java.util.Arrays.fill(c.y0, Integer.MAX_VALUE);
    java.util.Arrays.fill(c.x1, -1);
    java.util.Arrays.fill(c.y1, -1);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (labels[i] == 0) {
          continue;
        }
        int k = compact[find(parent, labels[i])];
        c.size[k]++;
        c.value[k] = mask[i];
        c.red[k] += (rgb[i] >> 16) & 255;
        c.green[k] += (rgb[i] >> 8) & 255;
        c.blue[k] += rgb[i] & 255;
        c.x0[k] = Math.min(c.x0[k], x);
        c.y0[k] = Math.min(c.y0[k], y);
        c.x1[k] = Math.max(c.x1[k], x);
        c.y1[k] = Math.max(c.y1[k], y);
      }
    }
    return c;
  }

  private static int find(int[] parent, int l) {
    while (parent[l] != l) {
      parent[l] = parent[parent[l]];
      l = parent[l];
    }
    return l;
  }
}
