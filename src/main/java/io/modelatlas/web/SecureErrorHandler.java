package io.modelatlas.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, for what Jetty refuses before any handler runs (a malformed request line or escape, headers too
 * large), with the same {@link SecurityHeaders} as every other answer and without stack traces.
 */
final class SecureErrorHandler extends ErrorHandler {
    SecureErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.ALL.forEach(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }
}
