package org.riskgate.documents;

/**
 * An axis-aligned rectangle in page pixels.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, at least 1
 * @param height height, at least 1
 */
public record Box(int x, int y, int width, int height) {

  /** Checks that the box has a positive size. */
  public Box {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("box must have a positive size: " + width + "x" + height);
    }
  }

  /** Area in pixels. */
  public long area() {
    return (long) width * height;
  }

  /** Intersection over union with another box, 0 when they do not overlap. */
  public double iou(Box other) {
    int ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
    int iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
    long inter = (long) ix * iy;
    long union = area() + other.area() - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  /** This box clipped to {@code [0, w) x [0, h)}; the result keeps at least one pixel. */
  public Box clip(int w, int h) {
    int x0 = Math.clamp(x, 0, w - 1);
    int y0 = Math.clamp(y, 0, h - 1);
    int x1 = Math.clamp(x + width, x0 + 1, w);
    int y1 = Math.clamp(y + height, y0 + 1, h);
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }
}
