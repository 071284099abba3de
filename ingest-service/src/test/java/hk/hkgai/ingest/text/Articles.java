package hk.hkgai.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo articles under src/test/resources/articles (invented for tests, not real news). */
public final class Articles {
    public static final String ZH_HANT = "articles/zh-hant-typhoon.txt";
    public static final String ZH_HANS = "articles/zh-hans-greater-bay.txt";
    public static final String EN = "articles/en-legco-budget.txt";

    private Articles() {
    }

    public static String read(String resource) {
        try (InputStream in = Articles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
