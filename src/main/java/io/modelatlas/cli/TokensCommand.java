package io.modelatlas.cli;

import io.modelatlas.api.Json;
import io.modelatlas.api.TokenCountJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.tokens.TokenCounter;
import io.modelatlas.tokens.TokenCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tokens", description = "Count the tokens of a file (or - for standard input), exactly where the model's tokenizer is known.")
final class TokensCommand implements Callable<Integer> {
    private final CliContext context;

    static final class Choice {
        @Option(names = "--encoding", description = "o200k_base, cl100k_base, p50k_base or r50k_base.")
        String encoding;

        @Option(names = "--model", description = "Count with this model's tokenizer (an estimate when it is not public).")
        String model;
    }

    @ArgGroup(exclusive = true)
    Choice choice;

    @Option(names = "--ids", description = "Also print the token ids.")
    boolean ids;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Parameters(index = "0", paramLabel = "FILE", description = "A UTF-8 text file, or - for standard input.")
    String file;

    TokensCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Model model = choice != null && choice.model != null ? context.catalog().get().require(choice.model) : null;
        TokenCounter counter = counter(model);
        String text = read();
        int count = counter.count(text);
        switch (format) {
            case TEXT -> {
                context.out().printf("%d tokens (%s)%n", count, counter.basis());
                if (ids) {
                    context.out().println(Arrays.toString(counter.encode(text)));
                }
            }
            case JSON -> context.out().println(Json.write(new TokenCountJson(model == null ? null : model.id(), counter.encoding(), counter.exact(),
                    counter.basis(), count, text.length(), text.getBytes(StandardCharsets.UTF_8).length, ids ? TokenCountJson.ids(counter.encode(text)) : null)));
            default -> throw new UsageException("--format must be text or json for tokens");
        }
        return Main.OK;
    }

    private TokenCounter counter(Model model) {
        if (model != null) {
            return TokenCounters.forModel(model.id(), model.tokenizer());
        }
        return TokenCounters.forEncoding(choice == null || choice.encoding == null ? "o200k_base" : choice.encoding);
    }

    private String read() {
        try {
            if (file.equals("-")) {
                InputStream in = context.in();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException(file + " is not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
