package hk.hkgai.safety.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardWarmUpTest {
    @Test
    void warmUpSampleSpreadsOverEveryBundledExampleFileAndLanguage() throws Exception {
        List<String> all = GuardWarmUp.sample(Integer.MAX_VALUE);
        List<String> picked = GuardWarmUp.sample(300);

        assertThat(all).hasSizeGreaterThan(6000);
        assertThat(picked).hasSize(300).doesNotHaveDuplicates();
        // The stride reaches the end of the second file, not just the first 300 lines of the first.
        assertThat(all.subList(all.size() - 2000, all.size())).containsAnyElementsOf(picked);
        assertThat(picked).anyMatch(t -> t.matches(".*[嘅咗唔佢].*"))    // Cantonese
                .anyMatch(t -> t.matches(".*[這說們].*"))                   // Traditional
                .anyMatch(t -> t.matches(".*[这说们].*"))                   // Simplified
                .anyMatch(t -> t.matches("[A-Za-z ,.'?]{20,}.*"));          // English
    }
}
