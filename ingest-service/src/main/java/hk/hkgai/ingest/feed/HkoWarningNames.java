package hk.hkgai.ingest.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names of the Hong Kong Observatory's warning statement and subtype codes (open data API documentation), in
 * English and Traditional Chinese. The warningInfo dataset carries codes only; warnsum's own "name" is generic
 * ("Tropical Cyclone Warning Signal") where the code says which signal.
 */
final class HkoWarningNames {
    private record Name(String en, String tc) {
    }

    private static final Map<String, Name> NAMES = Map.ofEntries(
            Map.entry("WFIRE", new Name("Fire Danger Warning", "火災危險警告")),
            Map.entry("WFIREY", new Name("Yellow Fire Danger Warning", "黃色火災危險警告")),
            Map.entry("WFIRER", new Name("Red Fire Danger Warning", "紅色火災危險警告")),
            Map.entry("WFROST", new Name("Frost Warning", "霜凍警告")),
            Map.entry("WHOT", new Name("Very Hot Weather Warning", "酷熱天氣警告")),
            Map.entry("WCOLD", new Name("Cold Weather Warning", "寒冷天氣警告")),
            Map.entry("WMSGNL", new Name("Strong Monsoon Signal", "強烈季候風信號")),
            Map.entry("WRAIN", new Name("Rainstorm Warning Signal", "暴雨警告信號")),
            Map.entry("WRAINA", new Name("Amber Rainstorm Warning Signal", "黃色暴雨警告信號")),
            Map.entry("WRAINR", new Name("Red Rainstorm Warning Signal", "紅色暴雨警告信號")),
            Map.entry("WRAINB", new Name("Black Rainstorm Warning Signal", "黑色暴雨警告信號")),
            Map.entry("WFNTSA", new Name("Special Announcement on Flooding in the northern New Territories", "新界北部水浸特別報告")),
            Map.entry("WL", new Name("Landslip Warning", "山泥傾瀉警告")),
            Map.entry("WTCSGNL", new Name("Tropical Cyclone Warning Signal", "熱帶氣旋警告信號")),
            Map.entry("WTCPRE8", new Name("Pre-No. 8 Special Announcement", "預警八號熱帶氣旋警告信號的特別報告")),
            Map.entry("TC1", new Name("Standby Signal No. 1", "一號戒備信號")),
            Map.entry("TC3", new Name("Strong Wind Signal No. 3", "三號強風信號")),
            Map.entry("TC8NE", new Name("No. 8 Northeast Gale or Storm Signal", "八號東北烈風或暴風信號")),
            Map.entry("TC8SE", new Name("No. 8 Southeast Gale or Storm Signal", "八號東南烈風或暴風信號")),
            Map.entry("TC8SW", new Name("No. 8 Southwest Gale or Storm Signal", "八號西南烈風或暴風信號")),
            Map.entry("TC8NW", new Name("No. 8 Northwest Gale or Storm Signal", "八號西北烈風或暴風信號")),
            Map.entry("TC9", new Name("Increasing Gale or Storm Signal No. 9", "九號烈風或暴風風力增強信號")),
            Map.entry("TC10", new Name("Hurricane Signal No. 10", "十號颶風信號")),
            Map.entry("WTMW", new Name("Tsunami Warning", "海嘯警告")),
            Map.entry("WTS", new Name("Thunderstorm Warning", "雷暴警告")));

    private HkoWarningNames() {
    }

    static Optional<String> name(String code, boolean chinese) {
        Name n = code == null ? null : NAMES.get(code.strip().toUpperCase(Locale.ROOT));
        return n == null ? Optional.empty() : Optional.of(chinese ? n.tc() : n.en());
    }
}
