package io.modelatlas.web;

import java.util.List;

/**
 * An RFC 9457 problem: the body of every API error, and what the HTML error page shows. {@code parameter} names the
 * bad query parameter; {@code suggestions} lists close model ids for an unknown one.
 */
public record Problem(String type, String title, int status, String detail, String instance, String parameter, List<String> suggestions) {}
