package hk.hkgai.gateway.rest.dto;

import java.util.List;

/**
 * The `hkgai` object on every answer (fixed by the design brief):
 * action allow|guide|refuse|redact, language yue|zh-Hant|zh-Hans|en, and the citations behind [n] markers
 * (citations[n-1] is [n]).
 */
public record HkgaiExtension(String action, String language, List<CitationDto> citations) {
}
