package io.modelatlas.api;

import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.LimitKind;
import java.util.List;

/**
 * How a limit check reads in the JSON API, the same in {@code /api/v1/cost} and a comparison's scenarios: {@code fits}
 * true or false (left out while a limit it needs is unknown, then {@code unknown_limits} names them), and for a request
 * that does not fit, {@code exceeds:[{limit, limit_tokens, requested_tokens}]}.
 */
public final class FitJson {
    private FitJson() {}

    /** One limit a request is over; {@code limit} is the model field's name ({@code max_input_tokens}). */
    public record ExceedsJson(String limit, long limitTokens, long requestedTokens) {}

    static Boolean fits(Fit fit) {
        return fit == null || fit.status() == Fit.Status.UNKNOWN ? null : fit.fits();
    }

    static List<ExceedsJson> exceeds(Fit fit) {
        return fit == null || fit.exceeded().isEmpty() ? null
                : fit.exceeded().stream().map(e -> new ExceedsJson(e.limit().jsonName(), e.limitTokens(), e.requestedTokens())).toList();
    }

    static List<String> unknownLimits(Fit fit) {
        return fit == null || fit.status() != Fit.Status.UNKNOWN ? null : fit.unknown().stream().map(LimitKind::jsonName).toList();
    }
}
