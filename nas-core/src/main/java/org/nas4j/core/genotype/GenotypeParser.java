package org.nas4j.core.genotype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;

/**
 * Reads DARTS genotype notation: {@code Genotype(normal=[('op', i), ...], normal_concat=[...],
 * reduce=[...], reduce_concat=[...])}. Concat lists may also be written {@code range(2, 6)}, as
 * some papers publish them. Errors name the column and what was expected there.
 */
final class GenotypeParser {
    private static final List<String> FIELDS =
            List.of("normal", "normal_concat", "reduce", "reduce_concat");

    private final String text;
    private int pos;

    GenotypeParser(String text) {
        this.text = text == null ? "" : text.trim();
    }

    Genotype parse() {
        expectWord("Genotype");
        expect('(');
        Map<String, Object> fields = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            String name = word();
            if (!FIELDS.contains(name)) {
                throw error("unknown field '" + name + "'; valid fields are " + FIELDS);
            }
            expect('=');
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
        return new Genotype(
                edgeList(fields.get("normal")),
                intList(fields.get("normal_concat")),
                edgeList(fields.get("reduce")),
                intList(fields.get("reduce_concat")));
    }

    @SuppressWarnings("unchecked")
    private static List<Genotype.Edge> edgeList(Object o) {
        return (List<Genotype.Edge>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> intList(Object o) {
        return (List<Integer>) o;
    }

    private List<Genotype.Edge> edges() {
        expect('[');
        List<Genotype.Edge> out = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            expect('(');
            String op = quoted();
            expect(',');
            int input = integer();
            expect(')');
            out.add(new Genotype.Edge(op, input));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return out;
        }
    }

    private List<Integer> concat() {
        skipSpace();
        List<Integer> out = new ArrayList<>();
        if (text.startsWith("range", pos)) {
            pos += "range".length();
            expect('(');
            int from = integer();
            expect(',');
            int to = integer();
            expect(')');
            for (int i = from; i < to; i++) {
                out.add(i);
            }
            return out;
        }
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(integer());
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return out;
        }
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
        return Integer.parseInt(text.substring(start, pos));
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
