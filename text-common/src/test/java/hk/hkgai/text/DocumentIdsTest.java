package hk.hkgai.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

    @Test
    void sameStoryUnderTrackingParametersAndFragmentsGetsOneId() {
        String a = DocumentIds.fromUrl("https://www.info.gov.hk/gia/general/202611/26/P2026112600123.htm?utm_source=x#top");
        String b = DocumentIds.fromUrl("HTTPS://WWW.INFO.GOV.HK:443/gia/general/202611/26/P2026112600123.htm");
        assertThat(a).isEqualTo(b).startsWith("u-").hasSize(26);
    }

    @Test
    void contentIdIgnoresSpacingAndFullWidthForms() {
        assertThat(DocumentIds.fromContent("天文台發出八號風球", "八號烈風或暴風信號  現正生效。"))
                .isEqualTo(DocumentIds.fromContent("天文台發出八號風球", "八號烈風或暴風信號 現正生效。"));
    }

    @Test
    void validatesPushedIds() {
        assertThat(DocumentIds.isValid("x1")).isTrue();
        assertThat(DocumentIds.isValid("rthk:2026-11-26.001")).isTrue();
        assertThat(DocumentIds.isValid("")).isFalse();
        assertThat(DocumentIds.isValid("has space")).isFalse();
        assertThat(DocumentIds.isValid("a#1")).isFalse();
        assertThat(DocumentIds.isValid("x".repeat(129))).isFalse();
    }
}
