package hk.hkgai.gateway.auth;

/** What an API key may do. */
public enum Scope {
    CHAT, SEARCH, INGEST, ADMIN;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
