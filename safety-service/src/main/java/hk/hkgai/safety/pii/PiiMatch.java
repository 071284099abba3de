package hk.hkgai.safety.pii;

/** A span of personal data in a text: [start, end) and the detector that found it. */
public record PiiMatch(String detector, int start, int end) {
}
