package hk.hkgai.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import hk.hkgai.contracts.common.v1.Action;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.contracts.safety.v1.CategoryHit;
import hk.hkgai.contracts.safety.v1.CheckInputRequest;
import hk.hkgai.contracts.safety.v1.OutputChunk;
import hk.hkgai.contracts.safety.v1.OutputVerdict;
import hk.hkgai.gateway.error.ApiException;
import hk.hkgai.text.LanguageDetector;
import io.smallrye.mutiny.Multi;
import hk.hkgai.contracts.safety.v1.Verdict;
import hk.hkgai.gateway.auth.ApiCaller;
import hk.hkgai.gateway.auth.CurrentCaller;
import hk.hkgai.gateway.auth.RequiresScope;
import hk.hkgai.gateway.auth.Scope;
import hk.hkgai.gateway.client.Downstream;
import hk.hkgai.gateway.client.MeshClients;
import hk.hkgai.gateway.rest.dto.ModerationResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /v1/moderations: the guard's input check for texts, in OpenAI's schema. {@code flagged} is true when the
 * guard would refuse the text or mask personal data in it; a {@code guide} verdict (a sensitive but legitimate
 * topic, answered with guidance) is not a violation, so it is not flagged, but its category is listed.
 * Like chat, it never fails open: the guard unreachable is a 503.
 */
@Path("/v1/moderations")
public class ModerationsResource {
    static final int MAX_INPUTS = 32;
    static final int MAX_CHARS = 32_000;
    private static final String MODEL = "hkgai-guard";

    private final MeshClients mesh;
    private final CurrentCaller current;

    public ModerationsResource(MeshClients mesh, CurrentCaller current) {
        this.mesh = mesh;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.CHAT)
    public Uni<ModerationResponse> moderate(JsonNode body) {
        List<String> inputs = TextInputs.of(body, MAX_INPUTS, MAX_CHARS);
        ApiCaller caller = current.get();
        String id = RequestIds.moderation();
        if (body.has("stage") && !body.get("stage").isTextual()
                || body.has("stage") && !List.of("input", "output").contains(body.get("stage").asText())) {
            throw ApiException.badRequest("stage", "stage must be \"input\" (default) or \"output\"");
        }
        if ("output".equals(body.path("stage").asText())) {
            return moderateOutput(inputs, caller, id);
        }
        List<Uni<Verdict>> checks = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            checks.add(mesh.checkInput(CheckInputRequest.newBuilder().setRequestId(id).setTenant(caller.tenant())
                    .addMessages(ChatMessage.newBuilder().setRole("user").setContent(input)).build()));
        }
        return Uni.join().all(checks).andFailFast()
                .onFailure().transform(e -> Downstream.toApi("safety", e))
                .map(verdicts -> new ModerationResponse(id, MODEL, verdicts.stream().map(ModerationsResource::result).toList()));
    }

    /**
     * {@code "stage": "output"} (an extension): each input is judged as generated text, by the guard's output check
     * (lexicons, de-obfuscation and personal data; the semantic classifier reads requests, not answers). This is
     * how the benchmark judges a model's replies.
     */
    private Uni<ModerationResponse> moderateOutput(List<String> inputs, ApiCaller caller, String id) {
        List<Uni<Verdict>> checks = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            OutputChunk whole = OutputChunk.newBuilder().setRequestId(id).setTenant(caller.tenant())
                    .setLanguage(LanguageDetector.detect(input).code()).setTextDelta(input).setEnd(true).build();
            checks.add(mesh.checkOutput(Multi.createFrom().item(whole)).collect().asList().map(ModerationsResource::asVerdict));
        }
        return Uni.join().all(checks).andFailFast()
                .onFailure().transform(e -> Downstream.toApi("safety", e))
                .map(verdicts -> new ModerationResponse(id, MODEL, verdicts.stream().map(ModerationsResource::result).toList()));
    }

    private static Verdict asVerdict(List<OutputVerdict> verdicts) {
        Verdict.Builder v = Verdict.newBuilder().setAction(Action.ACTION_ALLOW);
        for (OutputVerdict o : verdicts) {
            if (strictness(o.getAction()) > strictness(v.getAction())) {
                v.setAction(o.getAction());
            }
            v.addAllHits(o.getHitsList());
        }
        return v.build();
    }

    private static int strictness(Action a) {
        return switch (a) {
            case ACTION_REFUSE -> 3;
            case ACTION_REDACT -> 2;
            case ACTION_GUIDE -> 1;
            default -> 0;
        };
    }

    static ModerationResponse.Result result(Verdict v) {
        Map<String, Boolean> categories = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (CategoryHit h : v.getHitsList()) {
            categories.put(h.getCategory(), true);
            scores.merge(h.getCategory(), (double) h.getScore(), Math::max);
        }
        boolean flagged = v.getAction() == Action.ACTION_REFUSE || v.getAction() == Action.ACTION_REDACT;
        return new ModerationResponse.Result(flagged, categories, scores, ActionNames.of(v.getAction()), v.getPolicyVersion());
    }
}
