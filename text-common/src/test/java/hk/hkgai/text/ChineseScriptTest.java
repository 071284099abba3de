package hk.hkgai.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseScriptTest {

    @Test
    void convertsTraditionalNewsTextToSimplifiedAndBack() {
        String traditional = "天文台發出黑色暴雨警告信號";
        String simplified = ChineseScript.toSimplified(traditional);
        assertThat(simplified).isEqualTo("天文台发出黑色暴雨警告信号");
        assertThat(ChineseScript.toTraditional(simplified)).isEqualTo(traditional);
    }

    @Test
    void knowsWhichCharactersBelongToOneScriptOnly() {
        assertThat(ChineseScript.isTraditionalOnly("發".codePointAt(0))).isTrue();
        assertThat(ChineseScript.isSimplifiedOnly("发".codePointAt(0))).isTrue();
        assertThat(ChineseScript.isTraditionalOnly("天".codePointAt(0))).isFalse();
        assertThat(ChineseScript.isSimplifiedOnly("天".codePointAt(0))).isFalse();
    }

    @Test
    void listsTraditionalToSimplifiedPairsForSearchFolding() {
        assertThat(ChineseScript.traditionalToSimplifiedPairs())
                .containsEntry("颱", "台").containsEntry("風", "风").containsEntry("發", "发")
                .doesNotContainKey("天")
                .hasSizeGreaterThan(2000);
    }

    @Test
    void foldingCharacterByCharacterAgreesWithIcuOnEverydaySentences() {
        for (String t : new String[] {"天文台發出黑色暴雨警告信號", "我哋聽日喺銅鑼灣食飯，你嚟唔嚟？", "立法會三讀通過《維護國家安全條例》",
                "請問點樣申請綜援同埋長者生活津貼？", "Typhoon signal No. 8 發出後港鐵會點安排？"}) {
            assertThat(ChineseScript.foldToSimplified(t)).as(t).isEqualTo(ChineseScript.toSimplified(t));
        }
        String plain = "already simplified 已经是简体";
        assertThat(ChineseScript.foldToSimplified(plain)).isSameAs(plain);
    }

    @Test
    void leavesEnglishAloneWhenTargetIsEnglish() {
        assertThat(ChineseScript.toScriptOf(Lang.EN, "Typhoon signal No. 8")).isEqualTo("Typhoon signal No. 8");
        assertThat(ChineseScript.toScriptOf(Lang.YUE, "台风")).isEqualTo("颱風");
    }
}
