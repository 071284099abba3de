package hk.hkgai.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server for a test: Debian's {@code redis-server} (installed by {@code .ci/run}) on a free loopback
 * port, in memory only, stopped by {@link #close()} or at JVM exit. {@link #stop()} and {@link #start()} simulate an
 * outage on the same port.
 */
public final class LocalRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    private LocalRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static LocalRedis start() throws IOException {
        LocalRedis redis = new LocalRedis(LocalInfra.freePort(), Files.createTempDirectory("hk-redis-"));
        redis.startProcess();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    public synchronized void startAgain() throws IOException {
        if (process == null) {
            startProcess();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void startProcess() throws IOException {
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start redis-server (apt-get install redis-server; .ci/run installs it)", e);
        }
        Process started = process;
        LocalInfra.addShutdownHook("hk-redis-" + port, started::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ping()) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("redis-server did not answer on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private boolean ping() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
