package org.nas4j.core.genotype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.builder.ModelDescParams;

/**
 * Reads DARTS genotype notation as Python reads it: {@code Genotype(normal=[('op', i), ...],
 * normal_concat=[...], reduce=[...], reduce_concat=[...])}.
 *
 * <p>Accepted as Python accepts them: trailing commas in lists, tuples and the argument list;
 * tuples where DARTS writes lists and lists where it writes tuples; arguments by position (in the
 * order normal, normal_concat, reduce, reduce_concat) before keywords; concat lists written {@code
 * range(2, 6)} or {@code range(6)}, kept as a {@link PythonRange} so they print back as written.
 * Edges grouped per node, as some repositories print them ({@code [[('op', 0), ('op', 1)], ...]}),
 * are read in order. Errors name the column and what was expected there.
 */
final class GenotypeParser {
    private static final List<String> FIELDS =
            List.of("normal", "normal_concat", "reduce", "reduce_concat");

    /**
     * Longest genotype text read: a genotype of two 64-node cells ({@link
     * ModelDescParams#MAX_NODES}) is about 6,000 characters, DARTS_V2 about 400.
     */
    static final int MAX_CHARS = 65_536;

    private final String text;
    private int pos;

    GenotypeParser(String text) {
        this.text = text == null ? "" : text.trim();
    }

    Genotype parse() {
        if (text.length() > MAX_CHARS) {
            throw new DescFormatException(
                    "The genotype is "
                            + text.length()
                            + " characters long, more than the "
                            + MAX_CHARS
                            + " nas4j reads (a genotype of two "
                            + ModelDescParams.MAX_NODES
                            + "-node cells, the most a nas4j cell has, is about 6,000).");
        }
        expectWord("Genotype");
        expect('(');
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean keywords = false;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            String name;
            if (Character.isLetter(peek()) && !startsWithWord("range")) {
                name = word();
                if (!FIELDS.contains(name)) {
                    throw error("unknown field '" + name + "'; valid fields are " + FIELDS);
                }
                expect('=');
                keywords = true;
            } else if (keywords) {
                throw error("a positional argument follows a keyword argument");
            } else if (fields.size() < FIELDS.size()) {
                name = FIELDS.get(fields.size());
            } else {
                throw error("too many arguments; a genotype has " + FIELDS);
            }
            if (fields.containsKey(name)) {
                throw error("'" + name + "' is given twice");
            }
            fields.put(name, name.endsWith("_concat") ? concat() : edges());
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(')');
            break;
        }
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the closing parenthesis");
        }
        for (String f : FIELDS) {
            if (!fields.containsKey(f)) {
                throw new DescFormatException(
                        "The genotype has no '" + f + "' field; a genotype needs " + FIELDS + ".");
            }
        }
        Genotype g =
                new Genotype(
                        edgeList(fields.get("normal")),
                        intList(fields.get("normal_concat")),
                        edgeList(fields.get("reduce")),
                        intList(fields.get("reduce_concat")));
        checkNodes(g.normal(), "normal");
        checkNodes(g.reduce(), "reduce");
        checkConcat(g.normalConcat(), g.normal(), "normal_concat");
        checkConcat(g.reduceConcat(), g.reduce(), "reduce_concat");
        return g;
    }

    /** A cell may have at most {@link ModelDescParams#MAX_NODES} nodes, as a conf's cells. */
    private static void checkNodes(List<Genotype.Edge> edges, String key) {
        int nodes = (edges.size() + Genotype.EDGES_PER_NODE - 1) / Genotype.EDGES_PER_NODE;
        if (nodes > ModelDescParams.MAX_NODES) {
            throw new DescFormatException(
                    "The genotype's "
                            + key
                            + " cell has "
                            + edges.size()
                            + " edges, "
                            + nodes
                            + " nodes; nas4j cells have at most "
                            + ModelDescParams.MAX_NODES
                            + " nodes (model_desc.n_nodes's bound).");
        }
    }

    /**
     * A range may only name states the cell has, so that {@code range(2, 2000000000)} is refused
     * here rather than expanded later; other concat lists are checked where a cell is built.
     */
    private static void checkConcat(List<Integer> concat, List<Genotype.Edge> edges, String key) {
        int states = 2 + (edges.size() + Genotype.EDGES_PER_NODE - 1) / Genotype.EDGES_PER_NODE;
        if (concat instanceof PythonRange
                && !concat.isEmpty()
                && concat.get(concat.size() - 1) >= states) {
            throw new DescFormatException(
                    "The genotype's "
                            + key
                            + " "
                            + concat
                            + " names states the cell does not have; its "
                            + edges.size()
                            + " edges make states 0.."
                            + (states - 1)
                            + ".");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Genotype.Edge> edgeList(Object o) {
        return (List<Genotype.Edge>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> intList(Object o) {
        return (List<Integer>) o;
    }

    /** A list or tuple of edges, or of per-node groups of edges. */
    private List<Genotype.Edge> edges() {
        return edgeItems(open(), true);
    }

    /** The edges up to {@code close}; one level of per-node groups when {@code groups}. */
    private List<Genotype.Edge> edgeItems(char close, boolean groups) {
        List<Genotype.Edge> out = new ArrayList<>();
        while (!closes(close)) {
            char inner = open();
            skipSpace();
            if (groups && (peek() == '(' || peek() == '[')) {
                out.addAll(edgeItems(inner, false));
            } else {
                String op = quoted();
                expect(',');
                int input = integer();
                optionalComma();
                expect(inner);
                out.add(new Genotype.Edge(op, input));
            }
            separator(close);
        }
        return out;
    }

    private List<Integer> concat() {
        skipSpace();
        if (startsWithWord("range")) {
            pos += "range".length();
            expect('(');
            int first = integer();
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
                if (peek() != ')') {
                    int stop = integer();
                    optionalComma();
                    expect(')');
                    return PythonRange.of(first, stop);
                }
            }
            expect(')');
            return PythonRange.of(first);
        }
        char close = open();
        List<Integer> out = new ArrayList<>();
        while (!closes(close)) {
            out.add(integer());
            separator(close);
        }
        return out;
    }

    /** Reads '[' or '(' and returns the bracket that closes it. */
    private char open() {
        skipSpace();
        char c = peek();
        if (c != '[' && c != '(') {
            throw error("expected '[' or '('");
        }
        pos++;
        return c == '[' ? ']' : ')';
    }

    /** Consumes {@code close} if it is next. */
    private boolean closes(char close) {
        skipSpace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After an element: a comma (possibly trailing) or the closing bracket, left for closes(). */
    private void separator(char close) {
        skipSpace();
        if (peek() == ',') {
            pos++;
        } else if (peek() != close) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    private void optionalComma() {
        skipSpace();
        if (peek() == ',') {
            pos++;
        }
    }

    private boolean startsWithWord(String w) {
        int end = pos + w.length();
        return text.startsWith(w, pos)
                && (end >= text.length()
                        || !(Character.isLetterOrDigit(text.charAt(end))
                                || text.charAt(end) == '_'));
    }

    private String quoted() {
        skipSpace();
        char q = peek();
        if (q != '\'' && q != '"') {
            throw error("expected a quoted op name");
        }
        int end = text.indexOf(q, pos + 1);
        if (end < 0) {
            throw error("unterminated op name");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private int integer() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a non-negative integer");
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("the integer is larger than " + Integer.MAX_VALUE);
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a field name");
        }
        return text.substring(start, pos);
    }

    private void expectWord(String w) {
        skipSpace();
        if (!text.startsWith(w, pos)) {
            throw error("expected '" + w + "('");
        }
        pos += w.length();
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private DescFormatException error(String what) {
        String near = text.substring(pos, Math.min(text.length(), pos + 20));
        return new DescFormatException(
                "Cannot read the genotype at column "
                        + (pos + 1)
                        + ": "
                        + what
                        + (near.isEmpty() ? " (at the end of the text)" : " (found '" + near + "')")
                        + ".");
    }
}
