package hk.hkgai.gateway.limits;

/** The outcome of an admission: admitted ({@code limit} null), or which limit refused and for how long. */
record RateDecision(String limit, long waitNanos) {
    static final RateDecision ADMITTED = new RateDecision(null, 0);

    boolean admitted() {
        return limit == null;
    }
}
