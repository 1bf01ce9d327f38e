package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageOutputTest {
    @Test
    void mixes_pre_encoded_and_escaped_text_into_utf8_and_grows_past_its_first_capacity() {
        PageOutput out = new PageOutput(4);
        out.writeBinaryContent("<p>".getBytes(StandardCharsets.UTF_8));
        out.writeContent("text → image, 😀 ok");
        out.writeContent("[skip|é part|skip]", 6, 12);
        out.writeBinaryContent("</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("<p>text → image, 😀 oké part</p>");
    }
}
