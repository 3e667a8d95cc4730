package dev.kanal.providers.hoster.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.providers.testing.hoster.Packer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PackedScriptTest {
    private static final String SETUP = "jwplayer(\"vplayer\").setup({sources:[{file:\"https://cdn.example.test/"
            + "hls2/01/00001/abc_,l,n,.urlset/master.m3u8?t=Tok_9&s=1770000000&e=10800\"}],image:'it\\'s.jpg',"
            + "a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9,j:10,k:11,l:12,m:13,n:14,o:15,p:16,q:17,r:18,s:19,t:20,"
            + "u:21,v:22,w:23,x:24,y:25,z:26,A:27,B:28,C:29,D:30,E:31,F:32,G:33,H:34,I:35,J:36,K:37,L:38,M:39,"
            + "N:40,O:41,P:42,Q:43,R:44,S:45,T:46,U:47,V:48,W:49,X:50,Y:51,Z:52,aa:53,bb:54,cc:55,dd:56,ee:57});";

    @ParameterizedTest
    @ValueSource(ints = {10, 36, 62})
    void unpacks_what_the_packer_packed_at_every_radix(int radix) {
        String packed = Packer.pack(SETUP, radix);

        assertThat(packed).startsWith("eval(function(p,a,c,k,e,d)").doesNotContain("cdn.example.test");
        assertThat(PackedScript.unpackAll(packed)).containsExactly(SETUP);
    }

    @Test
    void finds_every_packed_script_in_a_page() {
        String page = "<script>" + Packer.pack("var first=1;") + "</script><p>x</p><script>"
                + Packer.pack("var second='two';", 36) + "</script>";

        assertThat(PackedScript.containsPacked(page)).isTrue();
        assertThat(PackedScript.unpackAll(page)).containsExactly("var first=1;", "var second='two';");
    }

    @Test
    void keeps_words_whose_keyword_is_empty_or_missing() {
        assertThat(PackedScript.unpack("0 1 2 zz", 36, 3, List.of("alpha", "", "gamma")))
                .isEqualTo("alpha 1 gamma zz");
    }

    @Test
    void page_without_packed_script_yields_nothing() {
        assertThat(PackedScript.containsPacked("<script>eval('1')</script>")).isFalse();
        assertThat(PackedScript.unpackAll("<script>eval('1')</script>")).isEmpty();
    }

    @Test
    void rejects_high_ascii_radix() {
        assertThatThrownBy(() -> PackedScript.unpack("x", 95, 1, List.of("y"))).isInstanceOf(IllegalArgumentException.class);
    }
}
