package hk.hkgai.gateway.rest.dto;

import java.util.List;

/** GET /v1/models in OpenAI's shape. */
public record ModelList(String object, List<Model> data) {

    public record Model(String id, String object, long created, String ownedBy) {
    }
}
