package hk.hkgai.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.ingest.text.Articles;
import hk.hkgai.ingest.text.HtmlCleaner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SimHash distances on real-style news text, and the window's decisions. */
class DedupTest {
    static final String TITLE_HANT = "天文台發出八號烈風或暴風信號";
    static final String TEXT_HANT = "天文台於晚上九時四十分發出八號東北烈風或暴風信號。熱帶氣旋「示範」現集結在香港之東南約一百九十公里，"
            + "預料向西北移動，時速約十八公里，大致移向珠江口一帶。\n\n在過去一小時，長洲及西貢錄得持續烈風，最高陣風每小時超過一百一十公里。"
            + "市民應留在室內，遠離當風的窗戶和門口，並把容易被風吹動的物件放置穩妥。\n\n天文台預料，八號信號在明日早上大部分時間會維持生效。"
            + "港鐵露天路段及渡輪服務可能受影響，市民出門前應留意最新交通消息。政府已開放二十八個臨時庇護中心，有需要人士可致電民政事務總署熱線 2835 1473 查詢。";
    /** The same story as a Simplified outlet ran it: converted script, other quotation marks, one phrase reworded. */
    static final String TITLE_HANS = "天文台发出八号烈风或暴风信号";
    static final String TEXT_HANS = "天文台于晚上九时四十分发出八号东北烈风或暴风信号。热带气旋“示范”现集结在香港之东南约一百九十公里，"
            + "预料向西北移动，时速约十八公里，大致移向珠江口一带。\n\n在过去一小时，长洲及西贡录得持续烈风，最高阵风每小时超过一百一十公里。"
            + "市民应留在室内，远离当风的窗户和门口，并把容易被风吹动的物件放置稳妥。\n\n天文台预料，八号信号在明日早上大部分时间会维持生效。"
            + "港铁露天路段及渡轮服务可能受影响，市民出门前应留意最新交通消息。政府已开放二十八个临时避风中心，有需要人士可致电民政事务总署热线 2835 1473 查询。";
    static final String TITLE_EN = "Observatory issues No. 8 Northeast Gale or Storm Signal";
    static final String TEXT_EN = "The Observatory issued the No. 8 Northeast Gale or Storm Signal at 9:40pm. Tropical cyclone Demo was "
            + "centred about 190 kilometres southeast of Hong Kong and is forecast to move northwest at about 18 km/h towards the "
            + "Pearl River Estuary. Over the past hour, sustained gale force winds were recorded on Cheung Chau and in Sai Kung, with "
            + "gusts over 110 km/h. The public should stay indoors, away from exposed windows and doors. The Government has opened "
            + "28 temporary shelters; people in need can call the Home Affairs Department hotline on 2835 1473.";
    private static final int MAX = 6;
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    private static long hash(String title, String text) {
        return SimHash.of(TextFolding.fold(title, text));
    }

    @Test
    void aTraditionalAndASimplifiedCopyOfOneStoryAreNearDuplicates() {
        assertThat(TextFolding.fold(TITLE_HANT, TEXT_HANT)).hasSize(TextFolding.fold(TITLE_HANS, TEXT_HANS).length());
        int d = SimHash.distance(hash(TITLE_HANT, TEXT_HANT), hash(TITLE_HANS, TEXT_HANS));
        assertThat(d).isLessThanOrEqualTo(MAX);
        // The pure script conversion is no difference at all.
        assertThat(hash(TITLE_HANT, TEXT_HANT)).isEqualTo(hash(TITLE_HANS, TEXT_HANS.replace("避风", "庇护")));
    }

    @Test
    void smallEditsStayNearAndTheThresholdIsTunedForShortNewsText() {
        long original = hash(TITLE_HANT, TEXT_HANT);
        assertThat(SimHash.distance(original, hash(TITLE_HANT, TEXT_HANT.replace("二十八個", "三十個")))).isLessThanOrEqualTo(MAX);
        assertThat(SimHash.distance(original, hash(TITLE_HANT, TEXT_HANT.replace("市民出門前應留意最新交通消息。", ""))))
                .isLessThanOrEqualTo(MAX);
        // Why 6 and not 3: one changed character of this 240-character story moves up to 7 bits, most often 2-4.
        String folded = TextFolding.fold(TITLE_HANT, TEXT_HANT);
        int within3 = 0;
        int within6 = 0;
        for (int i = 0; i < folded.length(); i++) {
            int d = SimHash.distance(original, SimHash.of(folded.substring(0, i) + "X" + folded.substring(i + 1)));
            within3 += d <= 3 ? 1 : 0;
            within6 += d <= 6 ? 1 : 0;
        }
        assertThat(within3).isLessThan(folded.length() * 3 / 4);
        assertThat(within6).isGreaterThan(folded.length() * 95 / 100);
    }

    @Test
    void aTranslationIsNotADuplicateNorAreDifferentStories() {
        assertThat(SimHash.distance(hash(TITLE_HANT, TEXT_HANT), hash(TITLE_EN, TEXT_EN))).isGreaterThan(3 * MAX);
        long typhoon = hash("", Articles.read(Articles.ZH_HANT));
        long bay = hash("", Articles.read(Articles.ZH_HANS));
        long budget = hash("", Articles.read(Articles.EN));
        assertThat(SimHash.distance(typhoon, bay)).isGreaterThan(3 * MAX);
        assertThat(SimHash.distance(typhoon, budget)).isGreaterThan(3 * MAX);
        assertThat(SimHash.distance(bay, budget)).isGreaterThan(3 * MAX);
        // Two different stories on the same subject (the same typhoon) are still far apart.
        assertThat(SimHash.distance(hash(TITLE_HANT, TEXT_HANT), typhoon)).isGreaterThan(3 * MAX);
    }

    @Test
    void foldingIgnoresScriptCaseWidthSpacingAndPunctuation() {
        assertThat(TextFolding.fold("港鐵：東鐵綫", "MTR　East Rail Line，ＯＫ！")).isEqualTo("港铁东铁线mtreastraillineok");
        assertThat(SimHash.of("")).isZero();
        assertThat(SimHash.of("港")).isEqualTo(SimHash.of("港"));
    }

    @Test
    void theWindowDropsExactCopiesClustersNearOnesAndKeepsReplaysStable() {
        DedupWindow window = new DedupWindow(100, Duration.ofHours(72), MAX);
        long hant = hash(TITLE_HANT, TEXT_HANT);
        long hans = hash(TITLE_HANS, TEXT_HANS);
        long en = hash(TITLE_EN, TEXT_EN);

        assertThat(window.admit("rss-1", "hash-hant", hant, true, T0)).isEqualTo(new Verdict.Keep("rss-1", null));
        assertThat(window.admit("json-2", "hash-hans", hans, true, T0.plusSeconds(5))).isEqualTo(new Verdict.Keep("rss-1", "rss-1"));
        assertThat(window.admit("hko-3", "hash-en", en, true, T0.plusSeconds(6))).isEqualTo(new Verdict.Keep("hko-3", null));
        // Identical content under another URL: dropped in favour of the first.
        assertThat(window.admit("mirror-4", "hash-hant", hant, true, T0.plusSeconds(7))).isEqualTo(new Verdict.Drop("rss-1"));
        // A replay (same doc id, same content) is not a duplicate of itself and keeps its cluster.
        assertThat(window.admit("json-2", "hash-hans", hans, true, T0.plusSeconds(8))).isEqualTo(new Verdict.Keep("rss-1", null));
        // An item too short to cluster on never joins a cluster, even with the same fingerprint.
        assertThat(window.admit("short-5", "hash-short", hant, false, T0.plusSeconds(9))).isEqualTo(new Verdict.Keep("short-5", null));
        assertThat(window.size()).isEqualTo(4);
    }

    @Test
    void theWindowIsBoundedInSizeAndAge() {
        DedupWindow window = new DedupWindow(2, Duration.ofHours(1), MAX);
        window.admit("a", "ha", 1L, true, T0);
        window.admit("b", "hb", 2L << 20, true, T0.plusSeconds(1));
        window.admit("c", "hc", 3L << 40, true, T0.plusSeconds(2));
        assertThat(window.size()).isEqualTo(2);
        // "a" was forgotten: its content is new again.
        assertThat(window.admit("a2", "ha", 1L, true, T0.plusSeconds(3))).isInstanceOf(Verdict.Keep.class);
        assertThat(window.admit("d", "hd", 7L << 50, true, T0.plus(Duration.ofHours(2)))).isEqualTo(new Verdict.Keep("d", null));
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void boilerplateDoesNotDefeatDuplicateDetection() {
        String withShare = HtmlCleaner.toText("<p>" + TEXT_HANS.replace("\n\n", "</p><p>") + "</p><p>分享到微博</p>");
        assertThat(TextFolding.fold(TITLE_HANS, withShare)).isEqualTo(TextFolding.fold(TITLE_HANS, TEXT_HANS));
    }
}
