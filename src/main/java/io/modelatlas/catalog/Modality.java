package io.modelatlas.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a model reads or writes. */
public enum Modality {
    TEXT, IMAGE, AUDIO, VIDEO, PDF;

    public String label() {
        return name().equals("PDF") ? "PDF" : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Maps the sources' words ("text", "image", "file", "pdf", ...) to a modality; empty for ones we do not track. */
    public static Optional<Modality> fromSource(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "image", "images" -> Optional.of(IMAGE);
            case "audio" -> Optional.of(AUDIO);
            case "video" -> Optional.of(VIDEO);
            case "pdf", "file" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }
}
