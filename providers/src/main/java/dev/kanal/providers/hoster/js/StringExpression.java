package dev.kanal.providers.hoster.js;

/**
 * Evaluates the small JavaScript string expressions hosters build URLs from, such as Streamtape's
 * {@code '//host/get_video?id=x&ex' + ('xcdpires=1&token=y').substring(1).substring(2)}. Decoy
 * tokens sit in the page as plain text, so the only reliable value is the one the expression yields.
 *
 * <p>Supported: single- and double-quoted strings, integers, parentheses, {@code +}, and the
 * methods {@code substring}, {@code substr}, {@code slice}, {@code concat}, {@code toString},
 * {@code trim}. Anything else is rejected rather than guessed.
 */
public final class StringExpression {
    private final String src;
    private int pos;

    private StringExpression(String src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    /**
     * The value of the expression that starts at {@code from}; evaluation stops at the first
     * character that cannot continue it (typically {@code ;}).
     *
     * @throws IllegalArgumentException when the text there is not a supported expression
     */
    public static String evaluate(String text, int from) {
        Object value = new StringExpression(text, from).expression();
        return asString(value);
    }

    /** The value of a whole expression. */
    public static String evaluate(String text) {
        return evaluate(text, 0);
    }

    private Object expression() {
        Object value = term();
        while (peek() == '+') {
            pos++;
            Object right = term();
            value = value instanceof Long a && right instanceof Long b ? (Object) (a + b)
                    : asString(value) + asString(right);
        }
        return value;
    }

    private Object term() {
        Object value = primary();
        while (peek() == '.') {
            pos++;
            String method = identifier();
            expect('(');
            java.util.List<Object> args = new java.util.ArrayList<>();
            if (peek() != ')') {
                args.add(expression());
                while (peek() == ',') {
                    pos++;
                    args.add(expression());
                }
            }
            expect(')');
            value = call(asString(value), method, args);
        }
        return value;
    }

    private Object primary() {
        char c = peek();
        if (c == '\'' || c == '"') return string(c);
        if (c == '(') {
            pos++;
            Object inner = expression();
            expect(')');
            return inner;
        }
        if (c == '-' || Character.isDigit(c)) return number();
        throw error("string, number or '('");
    }

    private String string(char quote) {
        int start = ++pos;
        while (pos < src.length() && src.charAt(pos) != quote) {
            if (src.charAt(pos) == '\\') pos++;
            pos++;
        }
        if (pos >= src.length()) throw error("closing " + quote);
        String body = src.substring(start, pos++);
        return JsStrings.unescape(body);
    }

    private Long number() {
        int start = pos;
        if (src.charAt(pos) == '-') pos++;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        try {
            return Long.parseLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("number");
        }
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) pos++;
        if (start == pos) throw error("method name");
        return src.substring(start, pos);
    }

    private static Object call(String target, String method, java.util.List<Object> args) {
        int len = target.length();
        return switch (method) {
            case "substring" -> {
                int a = clamp(intArg(args, 0, 0), len);
                int b = clamp(intArg(args, 1, len), len);
                yield target.substring(Math.min(a, b), Math.max(a, b));
            }
            case "substr" -> {
                int a = relative(intArg(args, 0, 0), len);
                int count = Math.max(0, intArg(args, 1, len - a));
                yield target.substring(a, Math.min(len, a + count));
            }
            case "slice" -> {
                int a = relative(intArg(args, 0, 0), len);
                int b = relative(intArg(args, 1, len), len);
                yield a >= b ? "" : target.substring(a, b);
            }
            case "concat" -> {
                StringBuilder sb = new StringBuilder(target);
                args.forEach(a -> sb.append(asString(a)));
                yield sb.toString();
            }
            case "toString" -> target;
            case "trim" -> target.strip();
            default -> throw new IllegalArgumentException("unsupported string method " + method);
        };
    }

    private static int intArg(java.util.List<Object> args, int i, int fallback) {
        if (args.size() <= i) return fallback;
        if (args.get(i) instanceof Long l) return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
        throw new IllegalArgumentException("expected a number argument");
    }

    private static int clamp(int i, int len) {
        return Math.max(0, Math.min(i, len));
    }

    private static int relative(int i, int len) {
        return i < 0 ? Math.max(0, len + i) : Math.min(i, len);
    }

    private static String asString(Object value) {
        return String.valueOf(value);
    }

    private char peek() {
        skipSpace();
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) throw error("'" + c + "'");
        pos++;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + pos);
    }
}
