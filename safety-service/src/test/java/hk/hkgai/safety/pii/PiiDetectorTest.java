package hk.hkgai.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiDetectorTest {

    @Test
    void hkidIsMaskedOnlyWhenItsCheckDigitIsValid() {
        assertThat(PiiDetector.validHkid("A123456(3)")).isTrue();
        assertThat(PiiDetector.validHkid("A123456(4)")).isFalse();
        String text = "我嘅身份證號碼係A123456(3)，唔係A123456(4)。";
        assertThat(PiiDetector.redact(text, PiiDetector.find(text, PiiDetector.names())))
                .isEqualTo("我嘅身份證號碼係[HKID]，唔係A123456(4)。");
    }

    @Test
    void masksHongKongPhoneNumbersEmailsAndLuhnValidCards() {
        String text = "Call me on +852 9123 4567 or 2345-6789, mail chan.tm@example.com.hk, card 4111 1111 1111 1111.";
        assertThat(PiiDetector.redact(text, PiiDetector.find(text, PiiDetector.names())))
                .isEqualTo("Call me on [PHONE] or [PHONE], mail [EMAIL], card [CARD].");
    }

    @Test
    void leavesYearsAmountsAndInvalidCardNumbersAlone() {
        String text = "2024年財政預算案撥款1200億元，編號4111 1111 1111 1112。";
        assertThat(PiiDetector.find(text, PiiDetector.names())).isEmpty();
    }
}
