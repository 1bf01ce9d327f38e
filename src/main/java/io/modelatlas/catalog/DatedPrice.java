package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceSheet;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A price a source dates: the provider's own price change, in force from {@code from} until the offering's next
 * dated price. {@code from} is null when the source gives no start (the price before the first dated change): the
 * start is unknown, and stays so.
 *
 * <p>genai-prices carries these ({@code {constraint: {start_date}, prices}}), citing the provider's pricing page.
 */
public record DatedPrice(LocalDate from, PriceSheet prices, Provenance source) {
    public DatedPrice {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(source, "source");
    }
}
