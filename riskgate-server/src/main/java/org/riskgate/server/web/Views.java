package org.riskgate.server.web;

import java.util.List;
import org.riskgate.server.api.ImporterProfile;
import org.riskgate.server.store.CaseFile;
import org.riskgate.server.store.ModelRecord;
import org.riskgate.server.store.QueuePage;

/** The values each template is rendered from: one record per page. */
public final class Views {
  private Views() {}

  /** The login form. */
  public record Login(String error) {}

  /** The forced change of a one-time password. */
  public record Password(Page page, String error) {}

  /** The queue with its filters as typed. */
  public record Queue(Page page, QueuePage queue, String lane, String office, String from, String to,
      String minScore, String query) {}

  /** One declaration. */
  public record Case(Page page, CaseFile file, String chartJson, String error) {}

  /** The dashboard, its figures as JSON for the charts. */
  public record Dashboard(Page page, String chartJson, String hitRate, String p10, String p50, String p100,
      long recorded, String bundleId) {}

  /** Registered models. */
  public record Models(Page page, List<ModelRecord> models, List<String> metrics) {}

  /** An importer's profile. */
  public record Importer(Page page, ImporterProfile profile) {}

  /** Formats a score or share with three decimals. */
  public static String f3(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  /** Formats a share as a percentage. */
  public static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f %%", v * 100);
  }
}
