package io.modelatlas.catalog;

import java.util.Locale;

/** What kind of model it is, from the API it serves; drives which prices and specs apply. */
public enum ModelType {
    CHAT("Text"),
    COMPLETION("Text completion"),
    EMBEDDING("Embedding"),
    IMAGE_GENERATION("Image"),
    VIDEO_GENERATION("Video"),
    AUDIO_SPEECH("Text to speech"),
    AUDIO_TRANSCRIPTION("Speech to text"),
    RERANK("Rerank"),
    MODERATION("Moderation"),
    OTHER("Other");

    private final String label;

    ModelType(String label) {
        this.label = label;
    }

    /** The short type shown in spec tables: "Text", "Image", ... */
    public String label() {
        return label;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for models that read and write tokens (chat and completion): the ones a token cost applies to. */
    public boolean isText() {
        return this == CHAT || this == COMPLETION;
    }

    /** Maps LiteLLM's {@code mode} to a type. */
    public static ModelType fromLiteLlmMode(String mode) {
        if (mode == null) {
            return OTHER;
        }
        return switch (mode) {
            case "chat", "responses" -> CHAT;
            case "completion" -> COMPLETION;
            case "embedding" -> EMBEDDING;
            case "image_generation", "image_edit" -> IMAGE_GENERATION;
            case "video_generation" -> VIDEO_GENERATION;
            case "audio_speech" -> AUDIO_SPEECH;
            case "audio_transcription" -> AUDIO_TRANSCRIPTION;
            case "rerank" -> RERANK;
            case "moderation" -> MODERATION;
            default -> OTHER;
        };
    }
}
