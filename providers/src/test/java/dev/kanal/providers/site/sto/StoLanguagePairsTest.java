package dev.kanal.providers.site.sto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.Language;
import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** s.to's 2026 (audio, subtitles) pairs (issue 14) map onto Kanal's four languages; the label-only form still works. */
class StoLanguagePairsTest {
    @Test
    void pairs_in_attributes_and_in_labels() {
        assertThat(StoPages.pairLanguage("Japanisch", "Deutsch")).contains(Language.GERMAN_SUB);
        assertThat(StoPages.pairLanguage("Englisch", "Deutsch")).contains(Language.GERMAN_SUB);
        assertThat(StoPages.pairLanguage("Englisch", "Englisch")).contains(Language.ENGLISH_SUB);
        assertThat(StoPages.pairLanguage("Deutsch", "keine")).contains(Language.GERMAN_DUB);
        assertThat(StoPages.pairLanguage("Englisch", "none")).contains(Language.ENGLISH_DUB);
        assertThat(StoPages.pairLanguage("Audio: Englisch, Untertitel: Deutsch", "")).contains(Language.GERMAN_SUB);
        assertThat(StoPages.pairLanguage("Japanisch | Untertitel: Englisch", "")).contains(Language.ENGLISH_SUB);
        assertThat(StoPages.pairLanguage("Englisch (Deutsche Untertitel)", "")).contains(Language.GERMAN_SUB);
        assertThat(StoPages.pairLanguage("Deutsch", "")).isEmpty();
    }

    @Test
    void an_episode_page_with_pair_buttons_offers_each_pair_as_its_language() {
        String html = "<html><body><h2 class=\"h4\">S01E01: Folge (Episode)</h2><div id=\"episode-links\">"
                + button(1, "VOE", "Deutsch", "") + button(2, "VOE", "Englisch", " data-subtitle-label=\"Deutsch\"")
                + button(3, "Doodstream", "Englisch", " data-subtitle-label=\"Englisch\"")
                + button(4, "VOE", "Englisch", "") + "</div></body></html>";
        URI url = URI.create("https://s.to/serie/example/staffel-1/episode-1");
        StoPages.EpisodePage page = StoPages.episode(Jsoup.parse(html, url.toString()), url, new SiteAddress(URI.create("https://s.to")));

        assertThat(page.links()).extracting(l -> l.language()).containsExactly(
                Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB, Language.ENGLISH_DUB);
    }

    private static String button(int id, String hoster, String audio, String extra) {
        return "<button class=\"link-box\" data-link-id=\"" + id + "\" data-play-url=\"/r?t=tok" + id + "\" "
                + "data-provider-name=\"" + hoster + "\" data-language-label=\"" + audio + "\"" + extra
                + " data-language-id=\"1\">" + hoster + "</button>";
    }
}
