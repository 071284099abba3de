package hk.hkgai.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.retrieval.v1.Passage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {
    private static final List<Passage> PASSAGES = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> Passage.newBuilder().setDocId("doc-" + i).build()).toList();
    private static final String ANSWER = "天文台今日發出八號烈風或暴風信號[3]。港鐵維持服務[5][3]，渡輪暫停[9]。Signal No. 8 is in force [3].";

    @Test
    void renumbersByFirstAppearanceAndDropsMarkersOfNoPassage() {
        CitationMarkers.Cited cited = CitationMarkers.renumber(ANSWER, PASSAGES);

        assertThat(cited.text()).isEqualTo("天文台今日發出八號烈風或暴風信號[1]。港鐵維持服務[2][1]，渡輪暫停。Signal No. 8 is in force [1].");
        assertThat(cited.passages()).extracting(Passage::getDocId).containsExactly("doc-3", "doc-5");
    }

    @Test
    void aStreamSplitAnywhereGivesTheSameTextAsTheWholeAnswer() {
        String whole = CitationMarkers.renumber(ANSWER, PASSAGES).text();
        for (int size = 1; size <= 6; size++) {
            CitationMarkers markers = new CitationMarkers(PASSAGES);
            StringBuilder streamed = new StringBuilder();
            for (int i = 0; i < ANSWER.length(); i += size) {
                streamed.append(markers.push(ANSWER.substring(i, Math.min(ANSWER.length(), i + size))));
            }
            streamed.append(markers.flush());
            assertThat(streamed.toString()).as("deltas of %d chars", size).isEqualTo(whole);
            assertThat(markers.cited()).extracting(Passage::getDocId).containsExactly("doc-3", "doc-5");
        }
    }

    @Test
    void holdsBackOnlyAnUnclosedMarker() {
        CitationMarkers markers = new CitationMarkers(PASSAGES);

        assertThat(markers.push("八號風球[")).isEqualTo("八號風球");
        assertThat(markers.push("4")).isEmpty();
        assertThat(markers.push("]。")).isEqualTo("[1]。");
        assertThat(markers.push("array[i] [1234] ok")).isEqualTo("array[i] [1234] ok");
        assertThat(markers.push("[12")).isEmpty();
        assertThat(markers.flush()).isEqualTo("[12");
    }
}
