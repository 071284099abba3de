package hk.hkgai.gateway.service;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.events.v1.AuditEvent;
import hk.hkgai.gateway.auth.ApiCaller;
import java.time.Instant;
import java.util.List;

/** Builds the audit record of a request: who, what, the outcome and cost; never the content. */
public final class AuditEvents {
    private AuditEvents() {
    }

    public static AuditEvent.Builder base(String requestId, ApiCaller caller, String endpoint, long startNanos, int status) {
        Instant now = Instant.now();
        return AuditEvent.newBuilder()
                .setRequestId(requestId).setTenant(caller.tenant()).setKeyId(caller.keyId()).setEndpoint(endpoint)
                .setHttpStatus(status).setLatencyMs((System.nanoTime() - startNanos) / 1_000_000)
                .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    }

    public static AuditEvent chat(String requestId, ApiCaller caller, long startNanos, ChatOutcome outcome, String model) {
        List<String> categories = outcome.input().getHitsList().stream().map(h -> h.getCategory()).distinct().toList();
        return base(requestId, caller, "/v1/chat/completions", startNanos, 200)
                .setModel(model).setAction(outcome.action()).setLanguage(outcome.language().code())
                .addAllCategories(categories)
                .addAllCitedDocIds(outcome.citations().stream().map(p -> p.getDocId()).distinct().toList())
                .setPromptTokens(outcome.promptTokens()).setCompletionTokens(outcome.completionTokens())
                .build();
    }

    public static AuditEvent failed(String requestId, ApiCaller caller, String endpoint, long startNanos, int status) {
        return base(requestId, caller, endpoint, startNanos, status).setAction(Action.ACTION_UNSPECIFIED).build();
    }
}
