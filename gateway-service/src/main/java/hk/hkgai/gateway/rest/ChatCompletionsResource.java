package hk.hkgai.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.gateway.auth.CurrentCaller;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.kafka.AuditPublisher;
import hk.hkgai.gateway.limits.ChatAdmission;
import hk.hkgai.gateway.limits.TenantRateLimiter;
import hk.hkgai.gateway.rest.dto.ChatCompletionChunk;
import hk.hkgai.gateway.rest.dto.ChatCompletionRequest;
import hk.hkgai.gateway.rest.dto.ChatCompletionResponse;
import hk.hkgai.gateway.service.AuditEvents;
import hk.hkgai.gateway.service.ChatEvent;
import hk.hkgai.gateway.service.ChatInput;
import hk.hkgai.gateway.service.ChatOutcome;
import hk.hkgai.gateway.service.ChatOrchestrator;
import hk.hkgai.gateway.service.ChatRequestValidator;
import hk.hkgai.gateway.service.GatewayMetrics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * POST /v1/chat/completions: one JSON answer, or with {@code "stream": true} server-sent events. Both come from
 * the same flow; whatever fails before the first token (validation, the input guard, retrieval) is still an HTTP
 * status in the API's error shape; the body is written as raw bytes with its Content-Type set per response.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {
    private static final String ENDPOINT = "/v1/chat/completions";
    /** nginx's "client closed request": the client left before the answer ended. */
    private static final int CLIENT_CLOSED = 499;
    private static final Map<String, List<String>> JSON_HEADERS = Map.of("Content-Type", List.of(MediaType.APPLICATION_JSON));

    private final ChatRequestValidator validator;
    private final ChatOrchestrator orchestrator;
    private final AuditPublisher audit;
    private final CurrentCaller current;
    private final ObjectMapper json;
    private final TenantRateLimiter limiter;
    private final GatewayMetrics metrics;
    private final ChatAdmission admission;

    public ChatCompletionsResource(ChatRequestValidator validator, ChatOrchestrator orchestrator, AuditPublisher audit,
                                   CurrentCaller current, ObjectMapper json, TenantRateLimiter limiter, GatewayMetrics metrics,
                                   ChatAdmission admission) {
        this.limiter = limiter;
        this.admission = admission;
        this.metrics = metrics;
        this.validator = validator;
        this.orchestrator = orchestrator;
        this.audit = audit;
        this.current = current;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a chat completion (OpenAI schema)",
            description = "A grounded answer with [n] citation markers; hkgai.citations[n-1] is [n]. With stream=true the "
                    + "answer is server-sent events of chat.completion.chunk objects ending with data: [DONE].")
    @APIResponse(responseCode = "200", description = "The answer, or its stream",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatCompletionResponse.class)),
                    @Content(mediaType = "text/event-stream", schema = @Schema(implementation = ChatCompletionChunk.class))})
    @APIResponse(responseCode = "429", description = "A rate limit of the tenant; see Retry-After")
    @APIResponse(responseCode = "503", description = "A downstream service (always including the safety guard) is unavailable")
    // No @Produces: a declared type would be negotiated against Accept (SDKs send application/json even when
    // streaming) and would make Quarkus frame the items itself. The Content-Type is set per response instead.
    @RequiresScope(Scope.CHAT)
    public RestMulti<Buffer> create(ChatCompletionRequest request, @Context RoutingContext exchange) {
        long start = System.nanoTime();
        ApiCaller caller = current.get();
        ChatInput input = validator.validate(request);
        String id = RequestIds.chat();
        MDC.put("requestId", id);
        String requestedModel = request.model() == null ? "hkgai" : request.model();
        ChatAdmission.Permit permit = admission.acquire();
        // Given back when the HTTP exchange ends, whatever path the answer took (done, an error mapped to a status, a
        // client gone, even before the stream was subscribed): called on the response's end or the connection's close.
        exchange.addEndHandler(ended -> permit.release());
        if (!input.stream()) {
            Uni<Buffer> whole = orchestrator.answer(id, caller, input, start)
                    .invoke(outcome -> finished(id, caller, start, input, outcome))
                    .onFailure().invoke(e -> audit.publish(AuditEvents.failed(id, caller, ENDPOINT, start, status(e))))
                    .map(outcome -> bytes(ChatResponses.whole(id, requestedModel, outcome)));
            return RestMulti.fromUniResponse(whole, Multi.createFrom()::item, b -> JSON_HEADERS, b -> 200);
        }
        ChatStreamEncoder encoder = new ChatStreamEncoder(json, id, requestedModel, input.includeUsage());
        return RestMulti.fromUniResponse(
                orchestrator.prepare(id, caller, input, start)
                        .onFailure().invoke(e -> audit.publish(AuditEvents.failed(id, caller, ENDPOINT, start, status(e)))),
                prepared -> encoder.encode(orchestrator.events(prepared)
                        .invoke(event -> {
                            if (event instanceof ChatEvent.Done done) {
                                finished(id, caller, start, input, done.outcome());
                            }
                        })
                        .onFailure().invoke(e -> audit.publish(AuditEvents.failed(id, caller, ENDPOINT, start, status(e))))
                        // Cancelling here cancels the generation and the output check: the model slot is freed.
                        .onCancellation().invoke(() -> audit.publish(AuditEvents.failed(id, caller, ENDPOINT, start, CLIENT_CLOSED)))),
                prepared -> ChatStreamEncoder.HEADERS,
                prepared -> 200);
    }

    private void finished(String id, ApiCaller caller, long start, ChatInput input, ChatOutcome outcome) {
        limiter.charge(caller.tenant(), outcome.promptTokens() + outcome.completionTokens());
        metrics.tokens(caller.tenant(), outcome.model(input.model()), outcome.promptTokens(), outcome.completionTokens());
        audit.publish(AuditEvents.chat(id, caller, start, outcome, outcome.model(input.model())));
    }

    private static int status(Throwable e) {
        return e instanceof ApiException api ? api.status() : 500;
    }

    private Buffer bytes(Object value) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
