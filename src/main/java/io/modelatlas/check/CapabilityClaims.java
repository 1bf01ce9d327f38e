package io.modelatlas.check;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model can do: "supports function calling", "accepts image input", "does not support JSON mode", "no vision",
 * "lacks fine-tuning", "streaming is not supported". Read only when a verb says the model has or lacks the feature,
 * so "vision tasks" or "with prompt caching, input drops to $0.10" are not claims. Judged against the model's
 * capability map, then its input and output modalities; a feature no source states is unsourced, never wrong, and a
 * modality list alone never makes a claim of support wrong (a source may list only some of what a model reads).
 */
final class CapabilityClaims {
    private record Feature(Capability capability, Modality inputModality, Modality outputModality) {}

    private static final String FEATURE = "(function[- ]calling|tool (?:use|calling)|tool[- ]use|JSON mode|structured outputs?|vision|image inputs?|images? as input"
            + "|image understanding|PDF inputs?|PDFs?|audio inputs?|audio outputs?|fine[- ]?tuning|streaming|prompt caching|web search|(?:the )?batch API"
            + "|open weights|reasoning)\\b";
    private static final String LEAD = "(?:native\\s+|full\\s+|built-in\\s+|first-class\\s+)?(?:support\\s+for\\s+)?";
    private static final Pattern NEGATIVE = Pattern.compile("(?i)\\b(?:(?:does|do|did)\\s*(?:not|n't)|cannot|can't|can\\s+not|won't|will\\s+not)\\s+"
            + "(?:support|offer|have|provide|accept|include|do|use|read|take)\\s+" + LEAD + FEATURE
            + "|\\b(?:no|lacks?|lacking|without)\\s+" + LEAD + FEATURE
            + "|\\b" + FEATURE + "\\s+(?:is|are)\\s*(?:not|n't)\\s+(?:supported|available)");
    private static final Pattern POSITIVE = Pattern.compile("(?i)\\b(?:supports?|offers?|has|have|provides?|includes?|accepts?|comes\\s+with|adds?)\\s+"
            + LEAD + FEATURE + "|\\b" + FEATURE + "\\s+(?:is|are)\\s+(?:fully\\s+|also\\s+|now\\s+)?(?:supported|available)"
            + "|\\baccepts?\\s+(?:both\\s+)?text\\s*(?:\\+|and|&|,)\\s*(images?(?:\\s+inputs?)?)\\b");
    /** The rest of a list after a feature: "no streaming, function calling, structured output, or fine-tuning". */
    private static final Pattern MORE = Pattern.compile("(?i)^(?:\\s*,\\s*(?:or\\s+|and\\s+|nor\\s+)?|\\s+(?:or|and|nor)\\s+)" + FEATURE);

    private CapabilityClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            String line = ctx.article().line(n);
            List<int[]> taken = new ArrayList<>();
            Matcher neg = NEGATIVE.matcher(line);
            while (neg.find()) {
                taken.add(new int[] {neg.start(), neg.end()});
                if (!question(ctx, n, neg.start())) {
                    claim(ctx, n, neg, false).ifPresent(out::add);
                    listed(ctx, n, line, neg.start(), neg.end(), false, out);
                }
            }
            Matcher pos = POSITIVE.matcher(line);
            while (pos.find()) {
                int at = pos.start();
                if (taken.stream().noneMatch(t -> at >= t[0] && at < t[1]) && !question(ctx, n, at)) {
                    claim(ctx, n, pos, true).ifPresent(out::add);
                    listed(ctx, n, line, pos.start(), pos.end(), true, out);
                }
            }
        }
        return out;
    }

    /** "Does GPT-4.1 support vision?" asks; it does not claim. */
    static boolean question(CheckContext ctx, int n, int column) {
        Article.Sentence s = ctx.article().sentenceAt(n, column);
        return ctx.article().line(n).substring(s.start(), s.end()).strip().endsWith("?");
    }

    /** The features listed after the first one share its verb: each is a claim of its own. */
    private static void listed(CheckContext ctx, int n, String line, int verbAt, int from, boolean claimed, List<Claim> out) {
        int at = from;
        while (at < line.length()) {
            Matcher more = MORE.matcher(line).region(at, line.length());
            more.useAnchoringBounds(true);
            if (!more.lookingAt()) {
                return;
            }
            Optional<Feature> f = feature(more.group(1));
            Optional<Model> subject = ctx.subjectAt(n, verbAt);
            if (f.isPresent() && subject.isPresent()) {
                String stated = (claimed ? "supports " : "does not support ") + f.get().capability().label();
                out.add(judge(ctx, n, more.start(1), more.end(1), subject.get(), f.get(), claimed, stated));
            }
            at = more.end();
        }
    }

    private static Optional<Claim> claim(CheckContext ctx, int n, Matcher m, boolean claimed) {
        String word = null;
        for (int g = 1; g <= m.groupCount() && word == null; g++) {
            word = m.group(g);
        }
        Optional<Feature> feature = feature(word);
        if (feature.isEmpty()) {
            return Optional.empty();
        }
        Capability c = feature.get().capability();
        String stated = (claimed ? "supports " : "does not support ") + c.label();
        Optional<Model> subject = ctx.subjectAt(n, m.start());
        if (subject.isEmpty()) {
            return Optional.of(Claims.of(ctx, n, m.start(), m.end(), ClaimKind.CAPABILITY, List.of(), stated, null, Verdict.UNCHECKED, null, List.of()));
        }
        return Optional.of(judge(ctx, n, m.start(), m.end(), subject.get(), feature.get(), claimed, stated));
    }

    private static Claim judge(CheckContext ctx, int n, int start, int end, Model model, Feature feature, boolean claimed, String stated) {
        Capability c = feature.capability();
        Optional<Fact<Boolean>> fact = model.capability(c);
        if (fact.isPresent()) {
            Fact<Boolean> f = fact.get();
            boolean actual = f.value();
            String says = (actual ? "supports " : "does not support ") + c.label();
            Verdict v = f.disputed() ? Verdict.DISPUTED : actual == claimed ? Verdict.RIGHT : Verdict.WRONG;
            return Claims.of(ctx, n, start, end, ClaimKind.CAPABILITY, List.of(model), stated, says, v,
                    model.displayName() + " " + says + ".", LimitClaims.sources(f));
        }
        Fact<Set<Modality>> modalities = feature.inputModality() != null ? model.inputModalities()
                : feature.outputModality() != null ? model.outputModalities() : null;
        Modality wanted = feature.inputModality() != null ? feature.inputModality() : feature.outputModality();
        if (modalities == null) {
            return Claims.of(ctx, n, start, end, ClaimKind.CAPABILITY, List.of(model), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        boolean listed = modalities.value().contains(wanted);
        String which = feature.inputModality() != null ? "input" : "output";
        String says = which + " modalities: " + String.join(", ", modalities.value().stream().map(Modality::label).sorted().toList());
        List<Provenance> sources = LimitClaims.sources(modalities);
        if (listed) {
            Verdict v = claimed ? Verdict.RIGHT : Verdict.WRONG;
            return Claims.of(ctx, n, start, end, ClaimKind.CAPABILITY, List.of(model), stated, says, v,
                    model.displayName() + " supports " + c.label() + ".", sources);
        }
        // a list without the modality is weaker evidence of absence than a capability the source states
        return Claims.of(ctx, n, start, end, ClaimKind.CAPABILITY, List.of(model), stated, says, claimed ? Verdict.UNCHECKED : Verdict.RIGHT, null, sources);
    }

    private static Optional<Feature> feature(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT).replace('-', ' ');
        if (w.startsWith("function") || w.startsWith("tool")) {
            return Optional.of(new Feature(Capability.FUNCTION_CALLING, null, null));
        }
        if (w.startsWith("json") || w.startsWith("structured")) {
            return Optional.of(new Feature(Capability.STRUCTURED_OUTPUT, null, null));
        }
        if (w.equals("vision") || w.startsWith("image")) {
            return Optional.of(new Feature(Capability.VISION, Modality.IMAGE, null));
        }
        if (w.startsWith("pdf")) {
            return Optional.of(new Feature(Capability.PDF_INPUT, Modality.PDF, null));
        }
        if (w.startsWith("audio input")) {
            return Optional.of(new Feature(Capability.AUDIO_INPUT, Modality.AUDIO, null));
        }
        if (w.startsWith("audio output")) {
            return Optional.of(new Feature(Capability.AUDIO_OUTPUT, null, Modality.AUDIO));
        }
        if (w.startsWith("fine")) {
            return Optional.of(new Feature(Capability.FINE_TUNING, null, null));
        }
        if (w.endsWith("batch api")) {
            return Optional.of(new Feature(Capability.BATCH, null, null));
        }
        for (Capability c : List.of(Capability.STREAMING, Capability.PROMPT_CACHING, Capability.WEB_SEARCH, Capability.OPEN_WEIGHTS, Capability.REASONING)) {
            if (w.equals(c.label().toLowerCase(Locale.ROOT))) {
                return Optional.of(new Feature(c, null, null));
            }
        }
        return Optional.empty();
    }
}
