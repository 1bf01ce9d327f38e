package io.modelatlas.cli;

/** Output formats the commands accept; each command says which it supports. */
enum OutputFormat {
    TEXT, MARKDOWN, JSON, TABLE, CSV
}
