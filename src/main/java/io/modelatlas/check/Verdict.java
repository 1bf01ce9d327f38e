package io.modelatlas.check;

import java.util.Locale;

/**
 * What the catalog says of one claim. Only {@link #WRONG} fails a check: when the checker is unsure it says
 * {@link #UNCHECKED} or {@link #UNSOURCED}, never wrong, because calling a right figure wrong is the worst mistake a
 * checker can make.
 */
public enum Verdict {
    /** The figure is the catalog's. */
    RIGHT,
    /** Right within the rounding the text uses (1.05M for 1,047,576). */
    ROUNDED,
    /** The catalog's figure differs, beyond the text's rounding; the claim carries the right one. */
    WRONG,
    /** Sources disagree; the claim agrees with at least one of them or falls between them. */
    DISPUTED,
    /** Nothing in the catalog bears on it. */
    UNSOURCED,
    /** Understood, but not checkable (the model, the unit or the split is not clear enough to judge). */
    UNCHECKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
