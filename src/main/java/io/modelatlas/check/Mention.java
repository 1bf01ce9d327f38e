package io.modelatlas.check;

import io.modelatlas.catalog.Model;

/** A model named in an article: 1-based line, 0-based [start, end) in the line, and how it was written. */
record Mention(Model model, int line, int start, int end, String written) {}
