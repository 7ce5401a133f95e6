package org.wirewatch.alerts;

import org.wirewatch.schema.AlertSeverity;

/** Once per rule and subject: an alert is published the first time, and again only at a higher severity. */
public final class SeverityGate {

  private SeverityGate() {}

  /**
   * @param previous the severity last published for the alert id, or null
   * @param next     the severity the rules give now
   * @return true when {@code next} must be published
   */
  public static boolean raises(final String previous, final AlertSeverity next) {
    return previous == null || next.ordinal() > AlertSeverity.valueOf(previous).ordinal();
  }
}
