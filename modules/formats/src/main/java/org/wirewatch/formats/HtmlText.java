package org.wirewatch.formats;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML or XHTML to plain text with paragraph breaks kept: every block element (p, div, headings, list items,
 * blockquote, table rows...) becomes its own paragraph, {@code <br>} a line break, scripts and styles vanish.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "table",
            "tr",
            "figure",
            "figcaption",
            "hr",
            "address",
            "main",
            "nav",
            "body");
    // Indentation in markup is layout, not content (pre blocks aside, which rarely carry wire copy).
    private static final Pattern LINE_INDENT = Pattern.compile("\\n[ \\t\\u00A0]+");
    // An XML declaration, comments and a DOCTYPE may come before a page's first element.
    private static final Pattern PAGE_START = Pattern.compile(
            "\\A\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!DOCTYPE\\s+html[^>]*>\\s*)?<(html|head|body)[\\s>]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "title");

    private HtmlText() {}

    /** Plain text of an HTML fragment or document. */
    static String toText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        return toText(doc.body());
    }

    /** Plain text of an already parsed element. */
    static String toText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Collector(out), root);
        return Paragraphs.body(LINE_INDENT.matcher(out).replaceAll("\n"));
    }

    /** A body that looks like markup rather than plain text. */
    static boolean looksLikeHtml(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("<p>")
                || lower.contains("<p ")
                || lower.contains("<br")
                || lower.contains("</div>")
                || lower.contains("</p>");
    }

    /** A document whose first element is an HTML page's ({@code html}, {@code head} or {@code body}). */
    static boolean startsAsHtmlPage(String text) {
        return PAGE_START
                .matcher(text.length() > 4096 ? text.substring(0, 4096) : text)
                .lookingAt();
    }

    private static final class Collector implements NodeVisitor {
        private final StringBuilder out;
        private int skipDepth;
        private int preDepth;

        Collector(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                } else if (skipDepth == 0) {
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        paragraphBreak();
                    }
                    if (tag.equals("pre")) {
                        preDepth++;
                    }
                }
            } else if (node instanceof TextNode text && skipDepth == 0) {
                if (preDepth > 0) {
                    out.append(text.getWholeText());
                } else {
                    String collapsed = text.text();
                    if (!collapsed.isBlank()
                            || (out.length() > 0
                                    && out.charAt(out.length() - 1) != ' '
                                    && out.charAt(out.length() - 1) != '\n')) {
                        out.append(collapsed.isBlank() ? " " : collapsed);
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth--;
                } else if (skipDepth == 0) {
                    if (BLOCKS.contains(tag)) {
                        paragraphBreak();
                    }
                    if (tag.equals("pre")) {
                        preDepth--;
                    }
                }
            }
        }

        private void paragraphBreak() {
            if (out.length() > 0) {
                out.append("\n\n");
            }
        }
    }
}
