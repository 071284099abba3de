package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.retrieval.v1.SearchRequest;
import hk.hkgai.contracts.safety.v1.CheckInputRequest;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.config.GatewayConfig;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.text.Lang;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One grounded answer: input guard -> retrieval -> prompt -> inference stream -> output guard.
 * The guard never fails open: if either check cannot run, the request fails with 503 and nothing
 * generated reaches the client. Retrieval failing degrades to an answer without sources.
 */
@ApplicationScoped
public class ChatOrchestrator {
    private static final Logger LOG = Logger.getLogger(ChatOrchestrator.class);

    private final MeshClients mesh;
    private final GatewayConfig config;

    public ChatOrchestrator(MeshClients mesh, GatewayConfig config) {
        this.mesh = mesh;
        this.config = config;
    }

    public Uni<ChatOutcome> answer(String requestId, ApiCaller caller, ChatInput input) {
        CheckInputRequest check = CheckInputRequest.newBuilder().setRequestId(requestId).setTenant(caller.tenant())
                .addAllMessages(input.messages()).build();
        return mesh.checkInput(check)
                .onFailure().transform(e -> failClosed("input", e))
                .flatMap(verdict -> verdict.getAction() == Action.ACTION_REFUSE
                        ? Uni.createFrom().item(ChatOutcome.refused(verdict))
                        : grounded(requestId, caller, input, verdict))
                .ifNoItem().after(config.chatTimeout()).failWith(() -> ApiException.unavailable("The answer took too long; please retry."));
    }

    private Uni<ChatOutcome> grounded(String requestId, ApiCaller caller, ChatInput input, Verdict verdict) {
        Lang lang = Lang.fromCode(verdict.getLanguage()).orElse(Lang.EN);
        List<ChatMessage> conversation = verdict.getAction() == Action.ACTION_REDACT
                ? input.withLastUserText(verdict.getRedactedText()) : input.messages();
        String question = verdict.getAction() == Action.ACTION_REDACT ? verdict.getRedactedText() : input.lastUserText();
        SearchRequest search = SearchRequest.newBuilder().setQuery(question).setK(config.contextPassages())
                .setLanguage(lang.code()).setPreferRecent(GroundingPolicy.timeSensitive(question)).build();
        return mesh.search(search)
                .map(r -> r.getPassagesList())
                .onFailure().recoverWithItem(e -> {
                    // Degrade, don't fail: the answer says the sources could not be consulted.
                    LOG.warnf("request %s: retrieval failed (%s); answering without sources", requestId, e.getMessage());
                    return List.<Passage>of();
                })
                .flatMap(passages -> generateGuarded(requestId, caller, input, verdict, lang, conversation, passages));
    }

    private Uni<ChatOutcome> generateGuarded(String requestId, ApiCaller caller, ChatInput input, Verdict verdict, Lang lang,
                                             List<ChatMessage> conversation, List<Passage> passages) {
        GenerateRequest generate = GenerateRequest.newBuilder()
                .setRequestId(requestId).setModel(input.model())
                .addAllMessages(PromptBuilder.messages(conversation, passages, verdict.getGuidance(), lang))
                .addAllContext(PromptBuilder.context(passages))
                .setParams(input.params()).setLanguage(lang.code()).build();
        AtomicReference<GenerateChunk> last = new AtomicReference<>();
        AtomicReference<Throwable> inferenceFailure = new AtomicReference<>();
        Multi<OutputChunk> generated = mesh.generate(generate)
                // The last chunk carries usage and the finish reason; every chunk carries the model id.
                .onItem().invoke(last::set)
                .onFailure().invoke(inferenceFailure::set)
                .map(c -> OutputChunk.newBuilder().setRequestId(requestId).setTenant(caller.tenant())
                        .setLanguage(lang.code()).setTextDelta(c.getTextDelta()).build())
                .onCompletion().continueWith(OutputChunk.newBuilder().setRequestId(requestId).setTenant(caller.tenant())
                        .setLanguage(lang.code()).setEnd(true).build());
        return mesh.checkOutput(generated)
                .collect().asList()
                .onFailure().transform(e -> inferenceFailure.get() != null
                        ? Downstream.toApi("inference", inferenceFailure.get())
                        : failClosed("output", e))
                .map(verdicts -> assemble(verdict, lang, passages, verdicts, last.get()));
    }

    private static ChatOutcome assemble(Verdict input, Lang lang, List<Passage> passages, List<OutputVerdict> verdicts, GenerateChunk last) {
        StringBuilder text = new StringBuilder();
        Action action = input.getAction();
        for (OutputVerdict v : verdicts) {
            if (v.getAction() == Action.ACTION_REFUSE) {
                return ChatOutcome.refusedOutput(input, v.getMessage(), lang, last);
            }
            if (v.getAction() == Action.ACTION_REDACT) {
                action = Action.ACTION_REDACT;
            }
            text.append(v.getSafeText());
        }
        CitationMarkers.Cited cited = CitationMarkers.renumber(text.toString(), passages);
        return new ChatOutcome(action, lang, cited.text(), cited.passages(), last, input);
    }

    private static RuntimeException failClosed(String stage, Throwable e) {
        LOG.errorf("safety %s check failed (%s): refusing to answer unguarded", stage, e.getMessage());
        return ApiException.unavailable("The safety guard is unavailable, so no answer was generated. Please retry.");
    }
}
