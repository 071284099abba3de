package hk.hkgai.ingest.service;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Conversions between java.time and protobuf well-known types. */
public final class Protos {
    private Protos() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }
}
