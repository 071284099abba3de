package hk.hkgai.gateway.rest;

import java.util.UUID;

/** Request ids: OpenAI-style prefixes, random, safe to log. */
final class RequestIds {
    private RequestIds() {
    }

    static String chat() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    static String moderation() {
        return "modr-" + UUID.randomUUID().toString().replace("-", "");
    }

    static String generic() {
        return "req-" + UUID.randomUUID().toString().replace("-", "");
    }
}
