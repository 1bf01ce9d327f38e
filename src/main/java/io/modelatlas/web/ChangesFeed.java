package io.modelatlas.web;

import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.RecordedChange;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /changes.atom}: the recorded changes as an Atom 1.0 feed (RFC 4287), one entry per change, linking to the
 * model's page. Written with the JDK's StAX writer, which escapes markup; characters XML 1.0 cannot carry at all
 * (control characters in a hostile model id) are dropped, so the feed always parses.
 */
final class ChangesFeed {
    static final String CONTENT_TYPE = "application/atom+xml;charset=utf-8";
    /** Entries in the feed: readers poll it, so it holds the recent changes, not the whole history. */
    static final int LIMIT = 200;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private ChangesFeed() {}

    /**
     * @param changes newest first, as the store lists them
     * @param now     the feed's {@code updated} while no change is recorded yet
     */
    static String xml(String baseUrl, List<RecordedChange> changes, Instant now) {
        Instant updated = changes.stream().map(RecordedChange::recordedAt).max(Instant::compareTo).orElse(now);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", baseUrl + "/changes");
            element(x, "title", "ModelAtlas: catalog changes");
            element(x, "subtitle", "New and removed models, price, limit and status changes, as each refresh of the sources observed them.");
            element(x, "updated", stamp(updated));
            link(x, "self", baseUrl + "/changes.atom", "application/atom+xml");
            link(x, "alternate", baseUrl + "/changes", "text/html");
            x.writeStartElement("author");
            element(x, "name", "ModelAtlas");
            x.writeEndElement();
            long version = -1;
            int index = 0;
            for (RecordedChange r : changes) {
                // a version's changes are listed in the order they were recorded: their position is a stable id
                index = r.version() == version ? index + 1 : 1;
                version = r.version();
                entry(x, baseUrl, r, index);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the changes feed: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    private static void entry(XMLStreamWriter x, String baseUrl, RecordedChange r, int index) throws XMLStreamException {
        CatalogChange c = r.change();
        x.writeStartElement("entry");
        element(x, "id", baseUrl + "/changes#v" + r.version() + "-" + index);
        element(x, "title", ChangeText.sentence(c));
        element(x, "updated", stamp(r.recordedAt()));
        if (c.kind() != CatalogChange.Kind.REMOVED_MODEL && Links.linkable(c.modelId())) {
            link(x, "alternate", baseUrl + Links.model(c.modelId()), "text/html");
        }
        x.writeStartElement("content");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlSafe(ChangeText.sentence(c) + ". Observed " + c.observed() + " in " + r.source() + " (catalog version " + r.version() + ")."));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", xmlSafe(href));
    }

    private static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Drops what XML 1.0 has no way to write (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if ((ch >= 0x20 && ch < 0xD800) || (ch > 0xDFFF && ch < 0xFFFE) || ch == '\t' || ch == '\n' || ch == '\r') {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
