package org.nas4j.algos.nasbench101;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec written as text, leniently, so that what a user copies from Python works: {@code
 * [[0, 1], [0, 0]]} for the matrix, {@code [input, conv3x3-bn-relu, output]} or {@code ['input',
 * ...]} for the ops, and {@code {matrix: [...], ops: [...]}} for both.
 */
final class SpecText {
    private SpecText() {}

    /** The matrix in {@code text}: a list of rows of 0 and 1. */
    static int[][] matrix(String text) {
        return matrix(parse(text, "matrix"), text);
    }

    /** The op labels in {@code text}: a list of strings. */
    static List<String> ops(String text) {
        return ops(parse(text, "ops"), text);
    }

    /** A spec in {@code text}: an object with {@code matrix} and {@code ops}. */
    static Nb101Spec spec(String text) {
        JsonElement e = parse(text, "spec");
        if (!e.isJsonObject()
                || !e.getAsJsonObject().has("matrix")
                || !e.getAsJsonObject().has("ops")) {
            throw new InvalidSpecException(
                    "The spec '"
                            + text
                            + "' is not an object with 'matrix' and 'ops', e.g."
                            + " {\"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", \"output\"]}.");
        }
        JsonObject o = e.getAsJsonObject();
        return Nb101Spec.of(matrix(o.get("matrix"), text), ops(o.get("ops"), text));
    }

    private static JsonElement parse(String text, String what) {
        try {
            // JsonParser reads leniently: unquoted and single-quoted strings are accepted
            return JsonParser.parseString(text.trim());
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidSpecException(
                    "The " + what + " '" + text + "' cannot be read: " + e.getMessage());
        }
    }

    private static int[][] matrix(JsonElement e, String text) {
        String expected = "; expected a list of rows of 0 and 1, e.g. [[0, 1], [0, 0]].";
        if (!e.isJsonArray()) {
            throw new InvalidSpecException("The matrix '" + text + "' is not a list" + expected);
        }
        JsonArray rows = e.getAsJsonArray();
        int[][] m = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isJsonArray()) {
                throw new InvalidSpecException(
                        "Row " + i + " of the matrix '" + text + "' is not a list" + expected);
            }
            JsonArray row = rows.get(i).getAsJsonArray();
            m[i] = new int[row.size()];
            for (int j = 0; j < row.size(); j++) {
                m[i][j] = entry(row.get(j), i, j, text);
            }
        }
        return m;
    }

    private static int entry(JsonElement v, int i, int j, String text) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            double d = v.getAsDouble();
            if (d == Math.rint(d)) {
                return (int) d;
            }
        } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
            return v.getAsBoolean() ? 1 : 0;
        }
        throw new InvalidSpecException(
                "matrix[" + i + "][" + j + "] = " + v + " in '" + text + "' is not 0 or 1.");
    }

    private static List<String> ops(JsonElement e, String text) {
        if (!e.isJsonArray()) {
            throw new InvalidSpecException(
                    "The ops '"
                            + text
                            + "' are not a list; expected e.g. [input, conv3x3-bn-relu, output].");
        }
        List<String> ops = new ArrayList<>();
        for (JsonElement op : e.getAsJsonArray()) {
            if (!op.isJsonPrimitive()) {
                throw new InvalidSpecException(
                        "The op " + op + " in '" + text + "' is not a name such as maxpool3x3.");
            }
            ops.add(op.getAsString());
        }
        return ops;
    }
}
