package hk.hkgai.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them, to instants. Dates with a zone or offset are exact; dates without one (common in
 * Hong Kong feeds: "2026-11-24 09:30", "Tue, 24 Nov 2026 09:30:00") are read in the feed's configured zone
 * instead of the JVM's (UTC in a container, which would shift them by eight hours).
 */
public final class FeedDates {
    /** RFC 822/1123 with or without weekday and seconds; the zone part is handled separately. */
    private static final DateTimeFormatter RFC822_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM ")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 1970)
            .appendPattern(" HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter(Locale.ENGLISH);
    /** ISO-like local forms: 2026-11-24T09:30[:00[.123]], 2026-11-24 09:30, 2026/11/24 09:30. */
    private static final DateTimeFormatter ISO_LIKE_LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/]MM[-][/]dd['T'][' ']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    /** A trailing zone: Z, +08:00, +0800, GMT, UTC, UT or a (known) abbreviation such as HKT. */
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s*(Z|[+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})$");
    /** Abbreviations are ambiguous in general (CST: China or US Central?); only these unambiguous ones are read. */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("Z", "Z"), Map.entry("GMT", "Z"), Map.entry("UT", "Z"), Map.entry("UTC", "Z"),
            Map.entry("HKT", "+08:00"), Map.entry("JST", "+09:00"), Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"),
            Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"));

    private FeedDates() {
    }

    /**
     * The instant {@code raw} denotes; {@code zone} is used only when the text has no zone of its own.
     * Empty when it is not a date in a format feeds use.
     */
    public static Optional<Instant> parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant()); // RFC 3339 / ISO with offset: JSON Feed, Atom, HKO
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        Matcher m = TRAILING_ZONE.matcher(s);
        String offset = null;
        String local = s;
        if (m.find()) {
            String z = m.group(1);
            String known = offset(z);
            if (known != null) {
                offset = known;
                local = s.substring(0, m.start()).strip();
            } else if (z.length() > 2 && Character.isLetter(z.charAt(0))) {
                return Optional.empty(); // an unknown zone name: guessing would misplace the story by hours
            }
        }
        Optional<LocalDateTime> ldt = local(local);
        if (ldt.isEmpty()) {
            return Optional.empty();
        }
        try {
            ZoneId at = offset == null ? zone : ZoneId.of(offset);
            return Optional.of(ZonedDateTime.of(ldt.get(), at).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String offset(String z) {
        String upper = z.toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(upper)) {
            return ZONES.get(upper);
        }
        if (z.matches("[+-]\\d{2}:?\\d{2}")) {
            return z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
        }
        return null;
    }

    private static Optional<LocalDateTime> local(String s) {
        for (DateTimeFormatter f : List.of(ISO_LIKE_LOCAL, RFC822_LOCAL)) {
            try {
                return Optional.of(LocalDateTime.parse(s, f));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay()); // a bare date: midnight in the feed's zone
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
