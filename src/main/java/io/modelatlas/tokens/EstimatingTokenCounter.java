package io.modelatlas.tokens;

/**
 * For models whose tokenizer is not public (Anthropic, Google, ...): an o200k_base count, labelled as an estimate.
 * Different tokenizers split the same text differently; published comparisons put other vendors' counts roughly
 * 10-30% away from OpenAI's on English prose, more on code and non-Latin scripts.
 */
final class EstimatingTokenCounter implements TokenCounter {
    private final TokenCounter proxy;
    private final String model;

    EstimatingTokenCounter(TokenCounter proxy, String model) {
        this.proxy = proxy;
        this.model = model;
    }

    @Override
    public String encoding() {
        return proxy.encoding();
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public String basis() {
        return "estimate: " + model + "'s tokenizer is not available, so this is the " + proxy.encoding()
                + " count; expect the model's own count to differ by roughly 10-30% on prose, more on code and non-Latin text";
    }

    @Override
    public int count(String text) {
        return proxy.count(text);
    }

    @Override
    public int[] encode(String text) {
        return proxy.encode(text);
    }

    @Override
    public int[] encodeWithSpecialTokens(String text) {
        return proxy.encodeWithSpecialTokens(text);
    }

    @Override
    public EncodedPrefix encodePrefix(String text, int maxTokens) {
        return proxy.encodePrefix(text, maxTokens);
    }
}
