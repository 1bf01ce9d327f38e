package io.modelatlas.web;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Model;
import java.util.List;

/** What the directory's selects offer, worked out once per catalog rather than on every request. */
record DirectoryChoices(List<String> creators, List<String> providers, List<Leaderboard> benchmarks) {
    DirectoryChoices {
        creators = List.copyOf(creators);
        providers = List.copyOf(providers);
        benchmarks = List.copyOf(benchmarks);
    }

    static DirectoryChoices of(Catalog catalog) {
        return new DirectoryChoices(catalog.models().stream().map(Model::creatorId).distinct().sorted().toList(),
                catalog.providers(), catalog.leaderboards().benchmarks());
    }
}
