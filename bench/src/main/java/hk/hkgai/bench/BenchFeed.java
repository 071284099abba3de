package hk.hkgai.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An RSS 2.0 feed on loopback that the benchmark controls: ./hk bench points the ingest service's feed list at it
 * (bench/feeds.yaml, polled every second), so "appears in a feed -> searchable" is measured on the live polling
 * path, conditional GET included.
 */
final class BenchFeed implements AutoCloseable {
    private final HttpServer server;
    private final List<String> items = new ArrayList<>();
    private int version;

    BenchFeed(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body;
            String etag;
            synchronized (this) {
                etag = "\"v" + version + "\"";
                body = xml().getBytes(StandardCharsets.UTF_8);
            }
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    synchronized void publish(String guid, String title, String text) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        items.add(0, "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<link>https://bench.hkgai.local/feed/" + guid + "</link><pubDate>" + date + "</pubDate>"
                + "<description>" + text + "</description></item>");
        if (items.size() > 30) {
            items.remove(items.size() - 1);
        }
        version++;
    }

    private String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>HKGAI bench feed</title>"
                + "<link>https://bench.hkgai.local/</link><description>benchmark</description>" + String.join("", items)
                + "</channel></rss>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
