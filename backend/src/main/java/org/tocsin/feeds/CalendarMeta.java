package org.tocsin.feeds;

import java.util.List;
import java.util.Map;

/**
 * What a feed is called and where it lives: its name for calendar apps and feed readers, a line
 * saying what it holds, its page in the web app and its own address. The name and line are English;
 * {@code wording} says how to write them in another language (see {@link FeedWords.Words#named}).
 */
record CalendarMeta(String name, String description, String pageUrl, String feedPath, Wording wording) {

    /** A feed whose name and line are the same in every language. */
    CalendarMeta(String name, String description, String pageUrl, String feedPath) {
        this(name, description, pageUrl, feedPath, null);
    }

    /**
     * The pages' bundle keys of the name (null: the name is the user's own, {@code name}) and of the line,
     * and the words they hold ({@code {0}}, {@code {1}}…); a word that is a key of {@code ownNames} is
     * written as that language's name for it (a city's Persian name), any other as typed.
     */
    record Wording(
            String nameKey, String descriptionKey, List<String> words, Map<String, Map<String, String>> ownNames) {

        static Wording of(String nameKey, String descriptionKey, String... words) {
            return new Wording(nameKey, descriptionKey, List.of(words), Map.of());
        }
    }
}
