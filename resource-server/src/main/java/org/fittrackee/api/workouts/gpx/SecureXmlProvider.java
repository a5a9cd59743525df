package org.fittrackee.api.workouts.gpx;

import io.jenetics.jpx.XMLProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

/**
 * The XML factories jpx uses, with DTDs and external entities switched off.
 *
 * <p>jpx reads through whatever {@link XMLInputFactory} its {@link XMLProvider} returns, and the
 * default one is the JDK's with DTD support and external entities on: a GPX declaring {@code
 * <!ENTITY x SYSTEM "file:///etc/passwd">} would have that file read into the track. This provider
 * is registered for jpx's {@link java.util.ServiceLoader} in {@code
 * META-INF/services/io.jenetics.jpx.XMLProvider}, so every jpx read in the application goes through
 * it. {@link GpxReader} also refuses any DOCTYPE before jpx sees the file; the two layers are
 * independent.
 */
public final class SecureXmlProvider extends XMLProvider {

    private static final String DISALLOW_DOCTYPE =
            "http://apache.org/xml/features/disallow-doctype-decl";

    public SecureXmlProvider() {}

    @Override
    public XMLInputFactory xmlInputFactory() {
        return secureInputFactory();
    }

    /** Only used by jpx to build empty documents for extensions; hardened all the same. */
    @Override
    public DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setIgnoringElementContentWhitespace(true);
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused a security feature", e);
        }
        return factory;
    }

    /**
     * The JDK's StAX factory without DTD processing: a DOCTYPE is reported as an event but its
     * entities are never declared, so no entity, internal or external, is ever expanded.
     */
    static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
