package org.riskgate.documents.compare;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;

/**
 * Loads OpenCV's natives (from the {@code linux-x86_64} jars on the class path) once, and turns a
 * load failure into an {@link IllegalStateException} that names the cause.
 */
final class OpenCv {

  private OpenCv() {}

  /** Holder idiom: loaded on first use, once per JVM. */
  private static final class Natives {
    static final String VERSION = loadNatives();
  }

  /**
   * Makes sure the natives are loaded; returns the OpenCV version.
   *
   * @throws IllegalStateException when they cannot be loaded (wrong platform, missing jar)
   */
  static String load() {
    try {
      return Natives.VERSION;
    } catch (ExceptionInInitializerError e) {
      if (e.getCause() instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("OpenCV natives did not load (linux-x86_64 only): " + e.getCause(), e.getCause());
    } catch (NoClassDefFoundError e) {
      // a second attempt after a failed first one, or the OpenCV jar itself is missing
      throw new IllegalStateException("OpenCV natives did not load (linux-x86_64 only): " + e.getMessage(), e);
    }
  }

  private static String loadNatives() {
    try {
      Loader.load(opencv_imgproc.class);
      Loader.load(opencv_video.class);
      // one region is small: OpenCV's own thread pool would only fight the callers' threads
      opencv_core.setNumThreads(1);
      return opencv_core.CV_VERSION();
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException("OpenCV natives did not load (linux-x86_64 only): " + e.getMessage(), e);
    }
  }
}
