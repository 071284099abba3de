package hk.hkgai.gateway.limits;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The buckets in Redis, shared by every gateway replica. Each operation is one Lua script, so a bucket is read,
 * refilled and updated atomically, with Redis' own clock (replicas' clocks may differ). A bucket idle for two
 * minutes is full anyway, so its key expires. Keys: {@code hkgai:rl:{tenant}:req|tok} (the hash tag keeps a
 * tenant's two keys in one Redis Cluster slot).
 */
final class RedisBucketStore {
    /** Refills a bucket (hash with balance b and time t in microseconds) to now; returns balance, time. */
    private static final String REFILL = """
            local function refill(key, cap, now)
              local v = redis.call('HMGET', key, 'b', 't')
              local b, t = tonumber(v[1]), tonumber(v[2])
              if b == nil then b, t = cap, now end
              if now > t then b = math.min(cap, b + (now - t) * cap / 60000000); t = now end
              return b, t
            end
            local function save(key, b, t)
              redis.call('HSET', key, 'b', tostring(b), 't', tostring(t))
              redis.call('PEXPIRE', key, 120000)
            end
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            """;
    /** KEYS: requests, tokens; ARGV: rpm, tpm. Returns {limit or '', wait in microseconds}. */
    private static final String ADMIT = REFILL + """
            local rpm, tpm = tonumber(ARGV[1]), tonumber(ARGV[2])
            local tok, tt = refill(KEYS[2], tpm, now)
            save(KEYS[2], tok, tt)
            if tok < 1 then return {'tokens', math.ceil((1 - tok) * 60000000 / tpm)} end
            local req, rt = refill(KEYS[1], rpm, now)
            if req < 1 then
              save(KEYS[1], req, rt)
              return {'requests', math.ceil((1 - req) * 60000000 / rpm)}
            end
            save(KEYS[1], req - 1, rt)
            return {'', 0}
            """;
    /** KEYS: tokens; ARGV: tpm, tokens used. */
    private static final String CHARGE = REFILL + """
            local tok, tt = refill(KEYS[1], tonumber(ARGV[1]), now)
            save(KEYS[1], tok - tonumber(ARGV[2]), tt)
            return 0
            """;

    private final Redis redis;

    RedisBucketStore(Vertx vertx, String url) {
        this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                .setMaxPoolSize(16).setMaxPoolWaiting(1024).setMaxWaitingHandlers(4096));
    }

    /** The same decision as {@link LocalBucketStore#decide}, made in Redis for every replica. */
    Uni<RateDecision> admit(String tenant, long requestsPerMinute, long tokensPerMinute) {
        Request eval = Request.cmd(Command.EVAL).arg(ADMIT).arg(2).arg(key(tenant, "req")).arg(key(tenant, "tok"))
                .arg(requestsPerMinute).arg(tokensPerMinute);
        return send(eval).map(r -> {
            String limit = r.get(0).toString();
            return limit.isEmpty() ? RateDecision.ADMITTED : new RateDecision(limit, r.get(1).toLong() * 1000);
        });
    }

    Uni<Void> charge(String tenant, long requestsPerMinute, long tokensPerMinute, long tokens) {
        Request eval = Request.cmd(Command.EVAL).arg(CHARGE).arg(1).arg(key(tenant, "tok")).arg(tokensPerMinute).arg(tokens);
        return send(eval).replaceWithVoid();
    }

    void close() {
        redis.close();
    }

    private Uni<Response> send(Request request) {
        return Uni.createFrom().completionStage(() -> redis.send(request).toCompletionStage());
    }

    private static String key(String tenant, String bucket) {
        return "hkgai:rl:{" + tenant + "}:" + bucket;
    }
}
