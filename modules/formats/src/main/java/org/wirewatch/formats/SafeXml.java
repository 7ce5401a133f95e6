package org.wirewatch.formats;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place XML is parsed. A DOCTYPE is refused outright, so there are no DTDs, no external entities (XXE)
 * and no entity expansion (billion laughs): such documents are rejected, never expanded. Element depth is capped
 * and external resources cannot be reached even if a feature slipped. The text arrives already decoded, so the
 * XML declaration's encoding cannot steer the parser.
 */
final class SafeXml {

    private static final int MAX_ELEMENT_DEPTH = 200;

    private static final DocumentBuilderFactory FACTORY = createFactory();

    private SafeXml() {}

    static Document parse(String xml) throws FormatException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new FormatException(
                        RejectionCode.FORBIDDEN_XML,
                        "XML with a DOCTYPE is refused: DTDs, external entities and entity expansion are not processed");
            }
            if (message.contains("maxElementDepth") || message.contains("depth")) {
                throw new FormatException(
                        RejectionCode.MALFORMED, "XML nested deeper than " + MAX_ELEMENT_DEPTH + " elements");
            }
            throw new FormatException(
                    RejectionCode.MALFORMED,
                    "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + Excerpts.clip(message, 160));
        } catch (SAXException e) {
            throw new FormatException(
                    RejectionCode.MALFORMED, "malformed XML: " + Excerpts.clip(String.valueOf(e.getMessage()), 160));
        } catch (IOException | ParserConfigurationException e) {
            // Reading from a String cannot do I/O; a configuration failure is a platform bug worth a clear message.
            throw new FormatException(RejectionCode.INTERNAL_ERROR, "XML parser failure: " + e);
        }
    }

    private static DocumentBuilderFactory createFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setCoalescing(true);
        factory.setIgnoringComments(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the platform XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
        return factory;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
