package hk.hkgai.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * API keys, stored as SHA-256 hashes in a JSON file: [{"id","tenant","sha256","scopes":[...]}].
 * A plain SHA-256 is enough because keys are 256-bit random tokens (nothing to brute-force, unlike
 * passwords) and it keeps the check cheap on every request. The file is re-read when it changes, so
 * `./hk key create` and revocation take effect without a restart.
 */
@Singleton
public class ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);
    private static final long RECHECK_MS = 2000;

    record StoredKey(@JsonProperty("id") String id, @JsonProperty("tenant") String tenant,
                     @JsonProperty("sha256") String sha256, @JsonProperty("scopes") List<String> scopes) {
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Map<String, ApiCaller> byHash = Map.of();
    private volatile FileTime loadedVersion;
    private volatile long lastCheck;

    public ApiKeyStore(GatewayConfig config) {
        this.file = Path.of(config.auth().keysFile());
        reloadIfChanged();
        if (byHash.isEmpty()) {
            LOG.warnf("no API keys loaded from %s: every request will get 401", file.toAbsolutePath());
        }
    }

    public Optional<ApiCaller> authenticate(String presentedKey) {
        if (System.currentTimeMillis() - lastCheck > RECHECK_MS) {
            reloadIfChanged();
        }
        return Optional.ofNullable(byHash.get(sha256(presentedKey)));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void reloadIfChanged() {
        lastCheck = System.currentTimeMillis();
        try {
            if (!Files.exists(file)) {
                byHash = Map.of();
                loadedVersion = null;
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedVersion)) {
                return;
            }
            List<StoredKey> keys = mapper.readValue(file.toFile(), new TypeReference<>() { });
            byHash = keys.stream().collect(Collectors.toUnmodifiableMap(
                    k -> k.sha256().toLowerCase(Locale.ROOT),
                    k -> new ApiCaller(k.id(), k.tenant(), scopes(k))));
            loadedVersion = modified;
            LOG.infof("loaded %d API keys from %s", keys.size(), file);
        } catch (IOException | RuntimeException e) {
            // Keep the keys we had: a half-written file must not lock everyone out or let anyone in.
            LOG.errorf("cannot read API keys from %s (%s); keeping the previous set", file, e.getMessage());
        }
    }

    private static EnumSet<Scope> scopes(StoredKey k) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : k.scopes() == null ? List.<String>of() : k.scopes()) {
            scopes.add(Scope.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        }
        return scopes;
    }
}
