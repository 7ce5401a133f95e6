package org.wirewatch.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.SubEventType;

/**
 * Writes the current incidents of the analytics store for analysts' existing tools.
 *
 * <p>{@link Format#ACLED_CSV}: ACLED's column names and labels, one incident per row, RFC 4180. {@code fatalities}
 * is the conservative figure ({@code killed_low}, 0 when no figure was reported), as ACLED codes fatalities;
 * {@code source} lists the agencies; {@code notes} holds the evidence sentences the figure came from and the
 * figure range, so a reader sees why a number was coded. {@code event_id_cnty} is the incident id, which the feed's
 * {@code /v1/incidents/{id}} also answers.
 *
 * <p>{@link Format#JSONL}: one incident per line in the plain JSON of DESIGN.md.
 */
public final class IncidentExport {

  /** The export formats. */
  public enum Format {
    ACLED_CSV, JSONL;

    /** Parses {@code acled-csv} or {@code jsonl}. */
    public static Format parse(final String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** ACLED's column names, in ACLED's order. */
  public static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "event_type",
      "sub_event_type", "actor1", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
      "notes", "fatalities");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER = " FROM incidents ORDER BY event_date, incident_id";

  private IncidentExport() {}

  /** Writes every incident in a format; returns the number written. */
  public static int write(final Connection db, final Format format, final Writer out)
      throws SQLException, IOException {
    return format == Format.ACLED_CSV ? acledCsv(db, out) : jsonl(db, out);
  }

  /** Writes the ACLED CSV, header included; returns the number of incidents. */
  public static int acledCsv(final Connection db, final Writer out) throws SQLException, IOException {
    final Csv csv = new Csv(out);
    csv.row(ACLED_COLUMNS);
    int n = 0;
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT incident_id, event_date,"
        + " event_type, sub_event_type, actor_name, country_code, admin1_name, place, latitude, longitude,"
        + " geo_precision, agencies, CAST(evidence AS VARCHAR), killed_low, killed_best, killed_high, grade" + ORDER)) {
      while (rs.next()) {
        final Double lat = (Double) rs.getObject(9);
        final Double lon = (Double) rs.getObject(10);
        final String precision = rs.getString(11);
        final List<Object> row = new ArrayList<>(ACLED_COLUMNS.size());
        row.add(rs.getString(1));
        row.add(rs.getObject(2, LocalDate.class));
        row.add(AcledLabels.eventType(EventType.valueOf(rs.getString(3))));
        row.add(AcledLabels.subEventType(SubEventType.valueOf(rs.getString(4))));
        row.add(rs.getString(5));
        row.add(AcledLabels.countryName(rs.getString(6)));
        row.add(rs.getString(7));
        row.add(rs.getString(8));
        row.add(lat);
        row.add(lon);
        row.add(precision == null ? null
            : AcledLabels.geoPrecision(GeoPrecision.valueOf(precision), lat != null && lon != null));
        row.add(rs.getString(12));
        row.add(notes(rs.getString(13), (Integer) rs.getObject(14), (Integer) rs.getObject(15),
            (Integer) rs.getObject(16), rs.getString(17)));
        final Integer low = (Integer) rs.getObject(14);
        row.add(low == null ? 0 : low);
        csv.row(row);
        n++;
      }
    }
    out.flush();
    return n;
  }

  /** Writes one JSON incident per line; returns the number of incidents. */
  public static int jsonl(final Connection db, final Writer out) throws SQLException, IOException {
    int n = 0;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(record AS VARCHAR)" + ORDER)) {
      while (rs.next()) {
        // Re-serialised compactly: PostgreSQL's jsonb prints with spaces after separators.
        out.write(JSON.readTree(rs.getString(1)).toString());
        out.write('\n');
        n++;
      }
    }
    out.flush();
    return n;
  }

  static String notes(final String evidenceJson, final Integer low, final Integer best, final Integer high,
      final String grade) throws IOException {
    final StringBuilder b = new StringBuilder();
    if (evidenceJson != null) {
      for (final JsonNode span : JSON.readTree(evidenceJson)) {
        final String text = span.path("text").asText("").strip().replaceAll("\\s+", " ");
        if (!text.isEmpty() && b.indexOf(text) < 0) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(text);
        }
      }
    }
    if (low != null || best != null || high != null) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append("[killed low/best/high: ").append(orDash(low)).append('/').append(orDash(best)).append('/')
          .append(orDash(high));
      if (grade != null) {
        b.append("; ").append(grade.toLowerCase(Locale.ROOT).replace('_', ' '));
      }
      b.append(']');
    }
    return b.toString();
  }

  private static String orDash(final Integer i) {
    return i == null ? "-" : i.toString();
  }
}
