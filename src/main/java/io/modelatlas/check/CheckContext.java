package io.modelatlas.check;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What every claim finder reads: the article, its model mentions and tables, the catalog and the date to judge at. */
record CheckContext(Article article, Mentions mentions, Tables tables, Catalog catalog, LocalDate asOf) {

    static CheckContext of(Article article, Catalog catalog, LocalDate asOf) {
        return of(article, catalog, asOf, ModelHistory.none());
    }

    /** With an article date, every model the article names is read as the history says it was sold that day. */
    static CheckContext of(Article article, Catalog catalog, LocalDate asOf, ModelHistory history) {
        UnaryOperator<Model> then = asOf == null ? UnaryOperator.identity() : m -> ModelsAsOf.at(m, asOf, history.of(m.id()));
        return new CheckContext(article, Mentions.find(article, catalog, then), new Tables(article), catalog, asOf);
    }

    /**
     * The model a figure at a position is about, by the structure around it: the column header of a table cell, else
     * the last model named before it in its sentence, else the first named after it in the sentence, else the last
     * one named in the three lines above.
     */
    Optional<Model> subjectAt(int line, int column) {
        Optional<Model> fromTable = tableColumnModel(line, column);
        if (fromTable.isPresent() || tables.cellAt(line, column).isPresent()) {
            return fromTable;
        }
        Article.Sentence s = article.sentenceAt(line, column);
        List<Mention> inSentence = mentions.in(s);
        Optional<Mention> before = inSentence.stream().filter(m -> m.start() < column).reduce((a, b) -> b);
        if (before.isPresent()) {
            return before.map(Mention::model);
        }
        if (!inSentence.isEmpty()) {
            return Optional.of(inSentence.get(0).model());
        }
        return mentions.before(line, column, 3).map(Mention::model);
    }

    /** What a spec list without model names is about: the first model the article names (its title's). */
    Optional<Model> pageModel() {
        return mentions.all().stream().findFirst().map(Mention::model);
    }

    /** The model named in the header of the table column that holds the position. */
    Optional<Model> tableColumnModel(int line, int column) {
        return tables.cellAt(line, column).flatMap(tables::header).flatMap(h -> mentions.inLine(h.line(), h.start(), h.end()).stream().findFirst())
                .map(Mention::model);
    }

    /** The subject first, then the other models of the sentence, then the article's two most named models. */
    List<Model> candidates(Model subject, Article.Sentence sentence) {
        Map<String, Model> out = new LinkedHashMap<>();
        if (subject != null) {
            out.put(subject.id(), subject);
        }
        mentions.in(sentence).forEach(m -> out.putIfAbsent(m.model().id(), m.model()));
        mentions.ranked().stream().limit(2).forEach(m -> out.putIfAbsent(m.id(), m));
        return new ArrayList<>(out.values());
    }

    /**
     * True when a figure the catalog has as of {@code source} may not be held against an article of {@link #asOf}:
     * the catalog's figure is newer than the article, and no history says what it was then.
     */
    boolean tooNew(Provenance source) {
        return asOf != null && source.asOf().isAfter(asOf);
    }
}
