package hk.hkgai.retrieval.service;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** protobuf Timestamp <-> ISO-8601 as stored in the index. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String iso(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    public static Timestamp proto(String iso) {
        Instant i = Instant.parse(iso);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static Timestamp proto(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
