package io.modelatlas.catalog;

import java.util.Locale;

/** Features a model has or lacks; unknown is absent from the model's capability map. */
public enum Capability {
    FUNCTION_CALLING("function calling"),
    STRUCTURED_OUTPUT("structured output"),
    VISION("image input"),
    PDF_INPUT("PDF input"),
    AUDIO_INPUT("audio input"),
    AUDIO_OUTPUT("audio output"),
    REASONING("reasoning"),
    FINE_TUNING("fine-tuning"),
    STREAMING("streaming"),
    PROMPT_CACHING("prompt caching"),
    WEB_SEARCH("web search"),
    BATCH("batch API"),
    OPEN_WEIGHTS("open weights");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
