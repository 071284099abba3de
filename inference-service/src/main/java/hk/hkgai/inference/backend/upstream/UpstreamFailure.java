package hk.hkgai.inference.backend.upstream;

/**
 * The upstream failed in a way worth another attempt (connection refused or reset, 429, 5xx, a stream cut
 * before its first token). Retried only while no token has reached the client.
 */
public class UpstreamFailure extends RuntimeException {
    public UpstreamFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public UpstreamFailure(String message) {
        super(message);
    }

    /** The upstream refused the request itself (4xx other than 429): retrying cannot help. */
    public static final class Rejected extends RuntimeException {
        private final int status;

        public Rejected(int status, String body) {
            super("the upstream model server refused the request (HTTP " + status + "): " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
