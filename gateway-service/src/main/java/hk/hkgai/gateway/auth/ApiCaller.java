package hk.hkgai.gateway.auth;

import java.util.Set;

/** The authenticated caller: the key's public id (safe to log), its tenant and scopes. */
public record ApiCaller(String keyId, String tenant, Set<Scope> scopes) {
}
