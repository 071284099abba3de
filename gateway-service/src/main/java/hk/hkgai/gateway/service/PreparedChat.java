package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.text.Lang;
import java.util.List;

/**
 * A chat request that passed the input guard (or was refused by it) and has its sources: everything decided
 * before the first token, so that a failure up to here is still an HTTP error status rather than a broken stream.
 *
 * @param question           the question as searched (the redacted one when personal data was masked)
 * @param sourcesUnavailable retrieval failed: the answer says so
 * @param startNanos         when the request arrived (for time to first token)
 */
public record PreparedChat(String requestId, ApiCaller caller, ChatInput input, Verdict verdict, Lang language,
                           List<ChatMessage> conversation, String question, List<Passage> passages,
                           boolean sourcesUnavailable, long startNanos) {

    public PreparedChat withPassages(List<Passage> safePassages) {
        return new PreparedChat(requestId, caller, input, verdict, language, conversation, question, List.copyOf(safePassages),
                sourcesUnavailable, startNanos);
    }

    public boolean refused() {
        return verdict.getAction() == Action.ACTION_REFUSE;
    }
}
