package dev.kanal.providers.hoster.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringExpressionTest {
    @Test
    void evaluates_streamtape_style_splice() {
        assertThat(StringExpression.evaluate(
                "'//host/get_video?id=x&ex'+ ('xcdpires=1&token=abc').substring(1).substring(2);"))
                .isEqualTo("//host/get_video?id=x&expires=1&token=abc");
    }

    @Test
    void supports_substr_slice_concat_and_nesting() {
        assertThat(StringExpression.evaluate("(\"qqab\").substr(2) + ('xyz'.slice(-2)).concat('!', (\"12\"+3))"))
                .isEqualTo("abyz!123");
        assertThat(StringExpression.evaluate("'abcdef'.substring(4, 1)")).isEqualTo("bcd");
        assertThat(StringExpression.evaluate("'abc'.slice(2, 1)")).isEmpty();
    }

    @Test
    void stops_at_the_end_of_the_statement() {
        String script = "el.innerHTML = 'a' + 'b'; other = 'c';";
        assertThat(StringExpression.evaluate(script, script.indexOf('\''))).isEqualTo("ab");
    }

    @Test
    void resolves_escapes_in_literals() {
        assertThat(StringExpression.evaluate("'it\\'s\\x2F\\u0026'")).isEqualTo("it's/&");
    }

    @Test
    void rejects_what_it_cannot_evaluate() {
        assertThatThrownBy(() -> StringExpression.evaluate("atob('eA==')")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StringExpression.evaluate("'a'.split('')")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StringExpression.evaluate("'unterminated")).isInstanceOf(IllegalArgumentException.class);
    }
}
