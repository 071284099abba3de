package hk.hkgai.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** Holds the caller of the current request, set by the API key filter. */
@RequestScoped
public class CurrentCaller {
    private ApiCaller caller;

    public ApiCaller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return caller;
    }

    void set(ApiCaller caller) {
        this.caller = caller;
    }
}
