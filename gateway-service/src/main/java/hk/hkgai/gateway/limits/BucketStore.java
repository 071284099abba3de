package hk.hkgai.gateway.limits;

import io.smallrye.mutiny.Uni;

/** Where a tenant's two buckets (requests and tokens per minute) live: this replica's memory, or Redis. */
interface BucketStore {

    /** The outcome of an admission: admitted ({@code limit} null), or which limit refused and for how long. */
    record Decision(String limit, long waitNanos) {
        static final Decision ADMITTED = new Decision(null, 0);

        boolean admitted() {
            return limit == null;
        }
    }

    /** Admits one request while at least one token is left: takes a request, checks (does not take) tokens. */
    Uni<Decision> admit(String tenant, long requestsPerMinute, long tokensPerMinute);

    /** Charges tokens used (the balance may go negative). */
    Uni<Void> charge(String tenant, long requestsPerMinute, long tokensPerMinute, long tokens);
}
