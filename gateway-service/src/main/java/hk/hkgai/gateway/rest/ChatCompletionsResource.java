package hk.hkgai.gateway.rest;

import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.gateway.auth.CurrentCaller;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.gateway.kafka.AuditPublisher;
import hk.hkgai.gateway.rest.dto.ChatCompletionRequest;
import hk.hkgai.gateway.rest.dto.ChatCompletionResponse;
import hk.hkgai.gateway.rest.dto.HkgaiExtension;
import hk.hkgai.gateway.service.AuditEvents;
import hk.hkgai.gateway.service.ChatInput;
import hk.hkgai.gateway.service.ChatOrchestrator;
import hk.hkgai.gateway.service.ChatOutcome;
import hk.hkgai.gateway.service.ChatRequestValidator;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/v1/chat/completions")
public class ChatCompletionsResource {
    private final ChatRequestValidator validator;
    private final ChatOrchestrator orchestrator;
    private final AuditPublisher audit;
    private final CurrentCaller current;

    public ChatCompletionsResource(ChatRequestValidator validator, ChatOrchestrator orchestrator, AuditPublisher audit, CurrentCaller current) {
        this.validator = validator;
        this.orchestrator = orchestrator;
        this.audit = audit;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.CHAT)
    public Uni<ChatCompletionResponse> create(ChatCompletionRequest request) {
        long start = System.nanoTime();
        ApiCaller caller = current.get();
        ChatInput input = validator.validate(request);
        if (input.stream()) {
            throw ApiException.badRequest("stream", "Streaming responses are not available yet on this deployment; send \"stream\": false.");
        }
        String id = RequestIds.chat();
        return orchestrator.answer(id, caller, input)
                .invoke(outcome -> audit.publish(AuditEvents.chat(id, caller, start, outcome, outcome.model(input.model()))))
                .onFailure().invoke(e -> audit.publish(AuditEvents.failed(id, caller, "/v1/chat/completions", start,
                        e instanceof ApiException api ? api.status() : 500)))
                .map(outcome -> response(id, input, outcome));
    }

    private static ChatCompletionResponse response(String id, ChatInput input, ChatOutcome outcome) {
        var hkgai = new HkgaiExtension(ActionNames.of(outcome.action()), outcome.language().code(),
                outcome.citations().stream().map(Citations::of).toList());
        var choice = new ChatCompletionResponse.Choice(0, new ChatCompletionResponse.AssistantMessage("assistant", outcome.text()),
                outcome.finishReason());
        var usage = new ChatCompletionResponse.Usage(outcome.promptTokens(), outcome.completionTokens(),
                outcome.promptTokens() + outcome.completionTokens());
        return new ChatCompletionResponse(id, "chat.completion", System.currentTimeMillis() / 1000, outcome.model(input.model()),
                List.of(choice), usage, hkgai);
    }
}
