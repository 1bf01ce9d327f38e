package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader of the upload page, fed in awkward chunk sizes so that boundaries straddle reads. */
class MultipartStreamTest {
    private static final String TYPE = "multipart/form-data; boundary=\"b0undary\"";

    private static String body(String file) {
        return "preamble to ignore\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"models\"\r\n\r\ngpt-4o-mini\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"log\"; filename=\"a b.jsonl\"\r\nContent-Type: text/plain\r\n\r\n"
                + file + "\r\n--b0undary--\r\nepilogue";
    }

    /** Reads at most {@code max} bytes per call, at random. */
    private static InputStream chunked(byte[] bytes, int max, long seed) {
        Random random = new Random(seed);
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
            }
        };
    }

    private static List<String> parts(String body, int max, long seed) throws IOException {
        MultipartStream form = MultipartStream.of(TYPE, chunked(body.getBytes(StandardCharsets.UTF_8), max, seed));
        List<String> out = new ArrayList<>();
        for (MultipartStream.Part p = form.next(); p != null; p = form.next()) {
            byte[] all = p.body().readAllBytes();
            out.add(p.name() + "|" + p.filename() + "|" + new String(all, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void parts_come_out_whole_whatever_the_read_sizes() throws IOException {
        // the file holds CRLFs, dashes and near-misses of the delimiter
        String file = "{\"a\":1}\r\n--b0undar\r\n\r\n--b0undarX\r\n-b0undary\r\nlast line";
        for (int max : new int[] {1, 2, 3, 7, 64, 100_000}) {
            for (long seed = 0; seed < 5; seed++) {
                assertThat(parts(body(file), max, seed)).as("reads of up to %d bytes", max)
                        .containsExactly("models|null|gpt-4o-mini", "log|a b.jsonl|" + file);
            }
        }
    }

    @Test
    void an_unread_part_is_skipped_and_a_cut_body_is_an_error() throws IOException {
        MultipartStream form = MultipartStream.of(TYPE, new ByteArrayInputStream(body("x\r\ny").getBytes(StandardCharsets.UTF_8)));
        assertThat(form.next().name()).isEqualTo("models");
        assertThat(form.next().name()).as("models skipped without reading").isEqualTo("log");
        assertThat(form.next()).isNull();

        String cut = body("some log").substring(0, body("some log").indexOf("some log") + 4);
        MultipartStream broken = MultipartStream.of(TYPE, new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)));
        broken.next();
        MultipartStream.Part log = broken.next();
        assertThatThrownBy(() -> log.body().readAllBytes()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the upload ends inside a part (no closing boundary)");
        assertThatThrownBy(() -> MultipartStream.of("text/plain", InputStream.nullInputStream()))
                .hasMessage("expected a multipart/form-data upload, got text/plain");
        assertThatThrownBy(() -> MultipartStream.of("multipart/form-data", InputStream.nullInputStream()))
                .hasMessage("the multipart/form-data content type names no boundary");
    }
}
