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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One grounded answer: input guard -> retrieval -> prompt -> inference stream -> output guard.
 * The guard never fails open: if either check cannot run, the request fails with 503 (or, once streaming, ends
 * with an error event) and nothing unchecked reaches the client. Retrieval failing degrades to an answer
 * without sources.
 *
 * <p>Two stages, so that streaming and non-streaming answers are the same flow: {@link #prepare} runs everything
 * before the first token (a failure there is still an HTTP status), {@link #events} streams the guarded answer.
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

    /** The whole answer at once (a non-streaming response). */
    public Uni<ChatOutcome> answer(String requestId, ApiCaller caller, ChatInput input) {
        return prepare(requestId, caller, input)
                .flatMap(prepared -> events(prepared).collect().last())
                .map(last -> ((ChatEvent.Done) last).outcome())
                .ifNoItem().after(config.chatTimeout()).failWith(() -> ApiException.unavailable("The answer took too long; please retry."));
    }

    /** Input guard and retrieval: everything before the first token. */
    public Uni<PreparedChat> prepare(String requestId, ApiCaller caller, ChatInput input) {
        CheckInputRequest check = CheckInputRequest.newBuilder().setRequestId(requestId).setTenant(caller.tenant())
                .addAllMessages(input.messages()).build();
        return mesh.checkInput(check)
                .onFailure().transform(e -> failClosed("input", e))
                .flatMap(verdict -> {
                    Lang lang = Lang.fromCode(verdict.getLanguage()).orElse(Lang.EN);
                    if (verdict.getAction() == Action.ACTION_REFUSE) {
                        return Uni.createFrom().item(new PreparedChat(requestId, caller, input, verdict, lang, List.of(), List.of()));
                    }
                    return retrieve(requestId, caller, input, verdict, lang);
                });
    }

    private Uni<PreparedChat> retrieve(String requestId, ApiCaller caller, ChatInput input, Verdict verdict, Lang lang) {
        boolean redacted = verdict.getAction() == Action.ACTION_REDACT;
        List<ChatMessage> conversation = redacted ? input.withLastUserText(verdict.getRedactedText()) : input.messages();
        String question = redacted ? verdict.getRedactedText() : input.lastUserText();
        SearchRequest search = SearchRequest.newBuilder().setQuery(question).setK(config.contextPassages())
                .setLanguage(lang.code()).setPreferRecent(GroundingPolicy.timeSensitive(question)).build();
        return mesh.search(search)
                .map(r -> r.getPassagesList())
                .onFailure().recoverWithItem(e -> {
                    // Degrade, don't fail: the answer says the sources could not be consulted.
                    LOG.warnf("request %s: retrieval failed (%s); answering without sources", requestId, e.getMessage());
                    return List.<Passage>of();
                })
                .map(passages -> new PreparedChat(requestId, caller, input, verdict, lang, conversation, passages));
    }

    /**
     * The guarded answer as it streams: {@link ChatEvent.Text} deltas, at most one {@link ChatEvent.Refused}, then
     * {@link ChatEvent.Done}. Cancelling the subscription cancels generation. A downstream failure is an
     * {@link ApiException} (inference's own status, or 503 when the output guard is unreachable).
     */
    public Multi<ChatEvent> events(PreparedChat prepared) {
        Verdict input = prepared.verdict();
        if (prepared.refused()) {
            return Multi.createFrom().items(new ChatEvent.Text(input.getMessage(), ""),
                    new ChatEvent.Done(ChatOutcome.refused(input)));
        }
        String requestId = prepared.requestId();
        Lang lang = prepared.language();
        String tenant = prepared.caller().tenant();
        GenerateRequest generate = GenerateRequest.newBuilder()
                .setRequestId(requestId).setModel(prepared.input().model())
                .addAllMessages(PromptBuilder.messages(prepared.conversation(), prepared.passages(), input.getGuidance(), lang))
                .addAllContext(PromptBuilder.context(prepared.passages()))
                .setParams(prepared.input().params()).setLanguage(lang.code()).build();
        AtomicReference<GenerateChunk> last = new AtomicReference<>();
        AtomicReference<Throwable> inferenceFailure = new AtomicReference<>();
        Multi<OutputChunk> generated = mesh.generate(generate)
                // The last chunk carries usage and the finish reason; every chunk carries the model id.
                .onItem().invoke(last::set)
                .onFailure().invoke(inferenceFailure::set)
                .map(c -> OutputChunk.newBuilder().setRequestId(requestId).setTenant(tenant)
                        .setLanguage(lang.code()).setTextDelta(c.getTextDelta()).build())
                .onCompletion().continueWith(OutputChunk.newBuilder().setRequestId(requestId).setTenant(tenant)
                        .setLanguage(lang.code()).setEnd(true).build());
        GuardedAnswer answer = new GuardedAnswer(prepared, last);
        return mesh.checkOutput(generated)
                .invoke(answer::note)
                // A refusal ends the stream here: cancelling upstream stops the output check and the generation.
                .select().first(v -> v.getAction() != Action.ACTION_REFUSE)
                .map(answer::release)
                .filter(e -> !e.text().isEmpty())
                .map(ChatEvent.class::cast)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(answer.end()))
                .onFailure().transform(e -> inferenceFailure.get() != null
                        ? Downstream.toApi("inference", inferenceFailure.get())
                        : e instanceof ApiException ? e : failClosed("output", e));
    }

    /** The answer's state while it streams: released text with renumbered markers, and the guard's last word. */
    private static final class GuardedAnswer {
        private final PreparedChat prepared;
        private final AtomicReference<GenerateChunk> last;
        private final CitationMarkers markers;
        private final StringBuilder shown = new StringBuilder();
        private Action action;
        private OutputVerdict refusal;

        GuardedAnswer(PreparedChat prepared, AtomicReference<GenerateChunk> last) {
            this.prepared = prepared;
            this.last = last;
            this.markers = new CitationMarkers(prepared.passages());
            this.action = prepared.verdict().getAction();
        }

        void note(OutputVerdict v) {
            if (v.getAction() == Action.ACTION_REFUSE) {
                refusal = v;
            } else if (v.getAction() == Action.ACTION_REDACT) {
                action = Action.ACTION_REDACT;
            }
        }

        ChatEvent.Text release(OutputVerdict v) {
            return text(markers.push(v.getSafeText()));
        }

        List<ChatEvent> end() {
            List<ChatEvent> tail = new ArrayList<>(2);
            if (refusal != null) {
                tail.add(new ChatEvent.Refused(refusal.getMessage()));
                tail.add(new ChatEvent.Done(ChatOutcome.refusedOutput(prepared.verdict(), refusal.getMessage(), prepared.language(), last.get())));
                return tail;
            }
            ChatEvent.Text rest = text(markers.flush());
            if (!rest.text().isEmpty()) {
                tail.add(rest);
            }
            tail.add(new ChatEvent.Done(new ChatOutcome(action, prepared.language(), shown.toString(), markers.cited(), last.get(),
                    prepared.verdict())));
            return tail;
        }

        private ChatEvent.Text text(String s) {
            shown.append(s);
            GenerateChunk chunk = last.get();
            return new ChatEvent.Text(s, chunk == null ? "" : chunk.getModel());
        }
    }

    private static RuntimeException failClosed(String stage, Throwable e) {
        LOG.errorf("safety %s check failed (%s): refusing to answer unguarded", stage, e.getMessage());
        return ApiException.unavailable("The safety guard is unavailable, so no answer was generated. Please retry.");
    }
}
