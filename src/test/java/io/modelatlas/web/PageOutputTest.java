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

    @Test
    void bidi_controls_and_control_characters_are_written_as_their_code() {
        PageOutput out = new PageOutput(4);
        out.writeContent("gpt\u202E4o\u2066é\u0000x\u200F\tok");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("gpt[U+202E]4o[U+2066]é[U+0000]x[U+200F]\tok");
    }
}
