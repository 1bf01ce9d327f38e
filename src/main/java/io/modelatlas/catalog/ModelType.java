package io.modelatlas.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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

    private static final List<Map.Entry<Pattern, ModelType>> BY_NAME = List.of(
            Map.entry(Pattern.compile("embed|(^|[-_/])(bge|e5|gte)-"), EMBEDDING),
            Map.entry(Pattern.compile("rerank"), RERANK),
            Map.entry(Pattern.compile("moderation|(^|[-_/])llama-guard|safety-guard"), MODERATION),
            Map.entry(Pattern.compile("(^|[-_/.])(tts|melotts)([-_.]|$)|text-to-speech"), AUDIO_SPEECH),
            Map.entry(Pattern.compile("whisper|transcribe|(^|[-_/.])asr([-_.]|$)|speech-to-text"), AUDIO_TRANSCRIPTION),
            Map.entry(Pattern.compile("(^|[-_/.])(flux|sdxl|dall-e|imagen|stable-diffusion|controlnet)|text-to-image"), IMAGE_GENERATION),
            Map.entry(Pattern.compile("distilbert|(^|[-_/])sst-2|speaker-detection"), OTHER));

    /**
     * The type a model's name states beyond doubt ({@code bge-small-en-v1.5} is an embedder, {@code flux-1-dev} an
     * image model), or null when the name says nothing. Sources that give no mode guess "chat" for everything, so
     * this name wins over such guesses.
     */
    public static ModelType fromName(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (var e : BY_NAME) {
            if (e.getKey().matcher(lower).find()) {
                return e.getValue();
            }
        }
        return null;
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
