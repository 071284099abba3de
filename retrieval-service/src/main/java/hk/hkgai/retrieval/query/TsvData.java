package hk.hkgai.retrieval.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The query data files: UTF-8, tab-separated, '#' comments; from {@code classpath:<resource>} or a file path. */
final class TsvData {
    /** One data row: its columns, and where it is for error messages. */
    record Row(String[] columns, String where) {
        IllegalArgumentException invalid(String expected) {
            return new IllegalArgumentException(where + ": expected " + expected);
        }
    }

    private TsvData() {
    }

    static List<Row> read(String location) {
        try (InputStream in = open(location)) {
            return read(in, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    static List<Row> read(InputStream in, String name) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(line.split("\t"), name + ":" + number));
            }
        }
        return rows;
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = TsvData.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("not on the classpath: " + resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
