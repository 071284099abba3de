package hk.hkgai.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.text.DocumentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://News.RTHK.hk:443/rthk/ch/component/k2/1780000-20261124.htm#comments | https://news.rthk.hk/rthk/ch/component/k2/1780000-20261124.htm",
            "http://www.info.gov.hk:80/gia/general/202611/24/P2026112400321.htm          | http://www.info.gov.hk/gia/general/202611/24/P2026112400321.htm",
            "https://x.example:8443/a/./b/../c                                           | https://x.example:8443/a/c",
            "https://x.example/story?utm_source=rss&utm_medium=feed&id=42&UTM_Campaign=x | https://x.example/story?id=42",
            "https://x.example/story?b=2&fbclid=IwAR0abc&a=1&gclid=Cj0&mc_cid=9           | https://x.example/story?a=1&b=2",
            "https://user:secret@x.example/private/feed                                   | https://x.example/private/feed",
            "https://x.example/新聞/颱風 消息.html                                          | https://x.example/%E6%96%B0%E8%81%9E/%E9%A2%B1%E9%A2%A8%20%E6%B6%88%E6%81%AF.html",
            "https://x.example/dir/                                                       | https://x.example/dir/",
            "https://x.example                                                            | https://x.example/",
            "https://x.example/#!/story/42                                                | https://x.example/#!/story/42",
            "tag:hkgai.example,2026:hzmb-e-channels                                       | tag:hkgai.example,2026:hzmb-e-channels",
            "'  https://X.example/a  '                                                    | https://x.example/a"})
    void canonicalizes(String url, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isEqualTo(expected);
    }

    @Test
    void variantsOfOneStoryShareADocIdAndItIsTheIdTextCommonDerivesForTheCleanUrl() {
        String clean = "https://news.hkgai.example/transport/2026/11/24/tsuen-wan-line";
        assertThat(UrlCanonicalizer.docId(clean + "?utm_source=rss&utm_medium=feed"))
                .isEqualTo(UrlCanonicalizer.docId("HTTPS://NEWS.hkgai.example:443" + "/transport/2026/11/24/tsuen-wan-line#top"))
                .isEqualTo(UrlCanonicalizer.docId(clean + "?fbclid=abc"))
                .isEqualTo(DocumentIds.fromUrl(clean)); // ids of earlier runs stay valid
        assertThat(UrlCanonicalizer.docId(clean + "?page=2")).isNotEqualTo(DocumentIds.fromUrl(clean));
        assertThat(UrlCanonicalizer.canonicalize(null)).isEmpty();
    }
}
