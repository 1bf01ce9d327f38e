package io.modelatlas.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the precompiled jte templates (compiled at build time by jte-maven-plugin). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, String paramName, Object page) {
        StringOutput out = new StringOutput(32 * 1024);
        engine.render(template, java.util.Map.of(paramName, page), out);
        return out.toString();
    }

    String render(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput(8 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}
