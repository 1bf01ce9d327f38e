package io.modelatlas.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/** Renders the precompiled jte templates (compiled at build time by jte-maven-plugin). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * A page as UTF-8 bytes, the form it is served, cached and exported in: rendered straight to bytes, with the
     * templates' static text already encoded at build time (binaryStaticContent), instead of a String encoded later.
     * 32 KB holds most pages without growing.
     */
    byte[] render(String template, String paramName, Object page) {
        PageOutput out = new PageOutput(32 * 1024);
        engine.render(template, java.util.Map.of(paramName, page), out);
        return out.toByteArray();
    }

    /** A template with several parameters (the error page), through the same {@link PageOutput} as every page. */
    byte[] render(String template, java.util.Map<String, Object> params) {
        PageOutput out = new PageOutput(8 * 1024);
        engine.render(template, params, out);
        return out.toByteArray();
    }
}
