package io.modelatlas.store;

import io.modelatlas.admin.AdminTokenInfo;
import io.modelatlas.admin.AdminTokenStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The admin package's token port over the store's admin_token table and its writer. */
final class StoreAdminTokens implements AdminTokenStore {
    private final Store store;

    StoreAdminTokens(Store store) {
        this.store = store;
    }

    @Override
    public Optional<String> tokenName(String sha256) {
        return store.tokenName(sha256);
    }

    @Override
    public List<AdminTokenInfo> tokens() {
        return store.tokens();
    }

    @Override
    public <T> T write(Function<Changes, T> work) {
        return store.write(work::apply);
    }
}
