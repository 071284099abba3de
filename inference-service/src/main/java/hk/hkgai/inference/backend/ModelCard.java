package hk.hkgai.inference.backend;

/** A model as ListModels shows it. {@code kind} is "chat" or "embedding". */
public record ModelCard(String id, String kind, String backend, String ownedBy) {
    public static final String OWNER = "hkgai";

    public static ModelCard chat(String id, String backend) {
        return new ModelCard(id, "chat", backend, OWNER);
    }

    public static ModelCard embedding(String id, String backend) {
        return new ModelCard(id, "embedding", backend, OWNER);
    }
}
