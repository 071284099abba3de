package hk.hkgai.gateway.rest;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.gateway.rest.dto.CitationDto;
import java.time.Instant;

/** Passage -> public citation object. */
final class Citations {
    private Citations() {
    }

    static CitationDto of(Passage p) {
        return new CitationDto(p.getDocId(), p.getTitle(), emptyToNull(p.getUrl()), emptyToNull(p.getSource()),
                p.hasPublishedAt() ? iso(p.getPublishedAt()) : null);
    }

    static String iso(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
