package hk.hkgai.gateway.service;

import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.inference.v1.FinishReason;
import hk.hkgai.contracts.inference.v1.GenerateChunk;
import hk.hkgai.contracts.inference.v1.GenerateRequest;
import hk.hkgai.contracts.retrieval.v1.Passage;
import hk.hkgai.contracts.safety.v1.NeutralizedPassage;
import hk.hkgai.contracts.safety.v1.PassagesRequest;
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
import hk.hkgai.text.extractive.ExtractiveComposer;
import io.grpc.Status;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One grounded answer: input guard -> retrieval -> prompt -> inference stream -> output guard.
 * The guard never fails open: if either check cannot run, the request fails with 503 (or, once streaming, ends
 * with an error event) and nothing unchecked reaches the client. The rest degrades: retrieval failing gives an
 * answer without sources that says so; inference failing before its first token gives the gateway's own
 * extractive answer from the retrieved passages, with a notice, still through the output guard.
 *
 * <p>Two stages, so that streaming and non-streaming answers are the same flow: {@link #prepare} runs everything
 * before the first token (a failure there is still an HTTP status), {@link #events} streams the guarded answer.
 */
@ApplicationScoped
public class ChatOrchestrator {
    private static final Logger LOG = Logger.getLogger(ChatOrchestrator.class);
    /** The model id of the gateway's own fallback answer (the same composer as the worker's default model). */
    static final String FALLBACK_MODEL = "hkgai-extractive-v1";
    /** Inference failures that mean "no model now", not "bad request": these fall back to the extractive answer. */
    private static final Set<Status.Code> FALLBACK_CODES = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.ABORTED);

    private final MeshClients mesh;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final ExtractiveComposer composer = new ExtractiveComposer(ExtractiveComposer.Settings.DEFAULTS);

    public ChatOrchestrator(MeshClients mesh, GatewayConfig config, GatewayMetrics metrics) {
        this.mesh = mesh;
        this.config = config;
        this.metrics = metrics;
    }

    /** The whole answer at once (a non-streaming response). */
    public Uni<ChatOutcome> answer(String requestId, ApiCaller caller, ChatInput input, long startNanos) {
        return prepare(requestId, caller, input, startNanos)
                .flatMap(prepared -> events(prepared).collect().last())
                .map(last -> ((ChatEvent.Done) last).outcome())
                .ifNoItem().after(config.chatTimeout()).failWith(() -> ApiException.unavailable("The answer took too long; please retry."));
    }

    /** Input guard and retrieval: everything before the first token. */
    public Uni<PreparedChat> prepare(String requestId, ApiCaller caller, ChatInput input, long startNanos) {
        CheckInputRequest check = CheckInputRequest.newBuilder().setRequestId(requestId).setTenant(caller.tenant())
                .addAllMessages(input.messages()).build();
        return mesh.checkInput(check)
                .onFailure().transform(e -> failClosed("input", e))
                .invoke(verdict -> metrics.safety("input", verdict.getAction(), verdict.getHitsList()))
                .flatMap(verdict -> {
                    Lang lang = Lang.fromCode(verdict.getLanguage()).orElse(Lang.EN);
                    if (verdict.getAction() == Action.ACTION_REFUSE) {
                        return Uni.createFrom().item(new PreparedChat(requestId, caller, input, verdict, lang, List.of(),
                                input.lastUserText(), List.of(), false, startNanos));
                    }
                    return retrieve(requestId, caller, input, verdict, lang, startNanos);
                });
    }

    private Uni<PreparedChat> retrieve(String requestId, ApiCaller caller, ChatInput input, Verdict verdict, Lang lang, long startNanos) {
        boolean redacted = verdict.getAction() == Action.ACTION_REDACT;
        List<ChatMessage> conversation = redacted ? input.withLastUserText(verdict.getRedactedText()) : input.messages();
        String question = redacted ? verdict.getRedactedText() : input.lastUserText();
        SearchRequest search = SearchRequest.newBuilder().setQuery(question).setK(config.contextPassages())
                .setLanguage(lang.code()).setPreferRecent(GroundingPolicy.timeSensitive(question)).build();
        return mesh.search(search)
                .map(r -> new PreparedChat(requestId, caller, input, verdict, lang, conversation, question, r.getPassagesList(),
                        false, startNanos))
                .onFailure().recoverWithItem(e -> {
                    // Degrade, don't fail: the answer says the sources could not be consulted.
                    LOG.warnf("request %s: retrieval failed (%s); answering without sources", requestId, e.getMessage());
                    metrics.downstreamError("retrieval", Status.fromThrowable(e).getCode().name());
                    metrics.degraded("no_sources");
                    return new PreparedChat(requestId, caller, input, verdict, lang, conversation, question, List.of(), true, startNanos);
                })
                .flatMap(this::neutralized);
    }

    /**
     * Passages pass the guard before they reach a prompt: a sentence in a document that addresses an AI is
     * replaced by a marker. Like every guard call, this fails closed.
     */
    private Uni<PreparedChat> neutralized(PreparedChat prepared) {
        if (prepared.passages().isEmpty()) {
            return Uni.createFrom().item(prepared);
        }
        PassagesRequest request = PassagesRequest.newBuilder().setRequestId(prepared.requestId()).setTenant(prepared.caller().tenant())
                .addAllPassages(prepared.passages().stream().map(Passage::getText).toList()).build();
        return mesh.neutralizePassages(request)
                .onFailure().transform(e -> failClosed("passages", e))
                .map(verdict -> {
                    if (verdict.getPassagesCount() != prepared.passages().size()) {
                        throw failClosed("passages", new IllegalStateException("the guard answered for "
                                + verdict.getPassagesCount() + " of " + prepared.passages().size() + " passages"));
                    }
                    List<Passage> safe = new ArrayList<>(prepared.passages().size());
                    for (int i = 0; i < prepared.passages().size(); i++) {
                        NeutralizedPassage n = verdict.getPassages(i);
                        safe.add(n.getChanged() ? prepared.passages().get(i).toBuilder().setText(n.getText()).build() : prepared.passages().get(i));
                        if (n.getChanged()) {
                            metrics.safety("passages", Action.ACTION_REDACT, n.getHitsList());
                        }
                    }
                    return prepared.withPassages(safe);
                });
    }

    /**
     * The guarded answer as it streams: {@link ChatEvent.Text} deltas, at most one {@link ChatEvent.Refused}, then
     * {@link ChatEvent.Done}. Cancelling the subscription cancels generation. A failure is an {@link ApiException}
     * (inference's own status when no fallback applies, or 503 when the output guard is unreachable).
     */
    public Multi<ChatEvent> events(PreparedChat prepared) {
        Verdict input = prepared.verdict();
        if (prepared.refused()) {
            return Multi.createFrom().items(new ChatEvent.Text(input.getMessage(), ""),
                    new ChatEvent.Done(ChatOutcome.refused(input)));
        }
        GenerateRequest generate = GenerateRequest.newBuilder()
                .setRequestId(prepared.requestId()).setModel(prepared.input().model())
                .addAllMessages(PromptBuilder.messages(prepared.conversation(), prepared.passages(), input.getGuidance(), prepared.language()))
                .addAllContext(PromptBuilder.context(prepared.passages()))
                .setParams(prepared.input().params()).setLanguage(prepared.language().code()).build();
        GuardedAnswer answer = new GuardedAnswer(prepared, metrics, "");
        if (prepared.sourcesUnavailable()) {
            answer.preface(DegradedNotices.sourcesUnavailable(prepared.language()));
        }
        return guarded(prepared, mesh.generate(generate), answer)
                .onFailure(InferenceFailed.class).recoverWithMulti(e -> {
                    Status status = Status.fromThrowable(e.getCause());
                    metrics.downstreamError("inference", status.getCode().name());
                    if (!answer.showedAnswerText() && FALLBACK_CODES.contains(status.getCode())) {
                        LOG.warnf("request %s: inference failed before its first token (%s); answering extractively",
                                prepared.requestId(), status.getCode());
                        metrics.degraded("extractive_fallback");
                        GuardedAnswer fallback = new GuardedAnswer(prepared, metrics, answer.shown());
                        fallback.preface(DegradedNotices.modelUnavailable(prepared.language()));
                        return guarded(prepared, extractive(prepared), fallback);
                    }
                    return Multi.createFrom().failure(Downstream.toApi("inference", e.getCause()));
                });
    }

    /** The answer of the gateway's own extractive composer, as if a model had streamed it. */
    private Multi<GenerateChunk> extractive(PreparedChat prepared) {
        List<ExtractiveComposer.Passage> passages = new ArrayList<>();
        for (int i = 0; i < prepared.passages().size(); i++) {
            passages.add(new ExtractiveComposer.Passage(i + 1, prepared.passages().get(i).getText()));
        }
        ExtractiveComposer.Answer composed = composer.compose(prepared.question(), passages, prepared.language());
        List<GenerateChunk> chunks = new ArrayList<>();
        for (String segment : composed.segments()) {
            chunks.add(GenerateChunk.newBuilder().setTextDelta(segment).setModel(FALLBACK_MODEL).build());
        }
        chunks.add(GenerateChunk.newBuilder().setModel(FALLBACK_MODEL).setFinishReason(FinishReason.FINISH_REASON_STOP).build());
        return Multi.createFrom().iterable(chunks);
    }

    /** Runs generated text through the output guard. Inference failures surface as {@link InferenceFailed}. */
    private Multi<ChatEvent> guarded(PreparedChat prepared, Multi<GenerateChunk> source, GuardedAnswer answer) {
        String requestId = prepared.requestId();
        String tenant = prepared.caller().tenant();
        String lang = prepared.language().code();
        AtomicReference<Throwable> inferenceFailure = new AtomicReference<>();
        Multi<OutputChunk> generated = source
                // The last chunk carries usage and the finish reason; every chunk carries the model id.
                .onItem().invoke(answer::noteChunk)
                .onFailure().invoke(inferenceFailure::set)
                .map(c -> OutputChunk.newBuilder().setRequestId(requestId).setTenant(tenant).setLanguage(lang)
                        .setTextDelta(c.getTextDelta()).build())
                .onCompletion().continueWith(OutputChunk.newBuilder().setRequestId(requestId).setTenant(tenant)
                        .setLanguage(lang).setEnd(true).build());
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(answer.prefaceEvents()), mesh.checkOutput(generated)
                .invoke(answer::noteVerdict)
                // A refusal ends the stream here: cancelling upstream stops the output check and the generation.
                .select().first(v -> v.getAction() != Action.ACTION_REFUSE)
                .map(answer::release)
                .filter(e -> !e.text().isEmpty())
                .map(ChatEvent.class::cast)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(answer.end()))
                .onFailure().transform(e -> {
                    if (inferenceFailure.get() != null) {
                        return new InferenceFailed(inferenceFailure.get());
                    }
                    if (e instanceof ApiException) {
                        return e;
                    }
                    metrics.downstreamError("safety", Status.fromThrowable(e).getCode().name());
                    return failClosed("output", e);
                }));
    }

    /** Generation failed (as opposed to the guard): the caller decides between a fallback and an error. */
    private static final class InferenceFailed extends RuntimeException {
        InferenceFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The answer's state while it streams: released text with renumbered markers, and the guard's last word. */
    private static final class GuardedAnswer {
        private final PreparedChat prepared;
        private final GatewayMetrics metrics;
        private final CitationMarkers markers;
        private final StringBuilder shown = new StringBuilder();
        private final List<ChatEvent> preface = new ArrayList<>(1);
        private final AtomicReference<GenerateChunk> last = new AtomicReference<>();
        private volatile boolean answerText;
        private Action action;
        private OutputVerdict refusal;

        /** @param alreadyShown what the client has seen of this answer before this attempt (notices) */
        GuardedAnswer(PreparedChat prepared, GatewayMetrics metrics, String alreadyShown) {
            this.shown.append(alreadyShown);
            this.prepared = prepared;
            this.metrics = metrics;
            this.markers = new CitationMarkers(prepared.passages());
            this.action = prepared.verdict().getAction();
        }

        /** A notice shown before the answer (ours, not generated: it needs no guard). */
        void preface(String notice) {
            preface.add(text(notice));
        }

        List<ChatEvent> prefaceEvents() {
            return preface;
        }

        String shown() {
            return shown.toString();
        }

        boolean showedAnswerText() {
            return answerText;
        }

        void noteChunk(GenerateChunk chunk) {
            last.set(chunk);
        }

        void noteVerdict(OutputVerdict v) {
            if (v.getAction() == Action.ACTION_REFUSE) {
                refusal = v;
            } else if (v.getAction() == Action.ACTION_REDACT) {
                action = Action.ACTION_REDACT;
            }
            if (v.getAction() != Action.ACTION_ALLOW) {
                metrics.safety("output", v.getAction(), v.getHitsList());
            }
        }

        ChatEvent.Text release(OutputVerdict v) {
            ChatEvent.Text t = text(markers.push(v.getSafeText()));
            if (!t.text().isEmpty() && !answerText) {
                answerText = true;
                metrics.firstToken(model(), prepared.input().stream(), Duration.ofNanos(System.nanoTime() - prepared.startNanos()));
            }
            return t;
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

        private String model() {
            GenerateChunk chunk = last.get();
            return chunk == null ? "" : chunk.getModel();
        }

        private ChatEvent.Text text(String s) {
            shown.append(s);
            return new ChatEvent.Text(s, model());
        }
    }

    private static RuntimeException failClosed(String stage, Throwable e) {
        LOG.errorf("safety %s check failed (%s): refusing to answer unguarded", stage, e.getMessage());
        return ApiException.unavailable("The safety guard is unavailable, so no answer was generated. Please retry.");
    }
}
