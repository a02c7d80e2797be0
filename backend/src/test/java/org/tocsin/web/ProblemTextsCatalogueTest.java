package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.text.Language;

/**
 * Every refusal the code can give has its Persian: a person using the Persian app never reads an English
 * sentence in an error. The code's refusals are read from its source (each {@code Refusal.…("…")} whose
 * message is one string), so a new refusal without a translation fails here, not in front of a user.
 */
class ProblemTextsCatalogueTest {

    private static final Pattern CALL = Pattern.compile("Refusal\\.(invalid|forbidden|notFound|of)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ProblemTexts texts = new ProblemTexts();

    @Test
    void everyRefusalInTheCodeHasItsPersian() {
        TreeSet<String> messages = refusalMessages();
        assertThat(messages).as("the scan finds the code's refusals").hasSizeGreaterThan(80);
        List<String> untranslated = messages.stream()
                .filter(english -> !isPersian(persian(english)))
                .toList();
        assertThat(untranslated)
                .as("refusals with no Persian in problems/messages_fa.properties")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "The slug 'night-vigil' is taken | night-vigil",
                "This needs the ORGANIZER role or above in the organization | برگزارکننده",
                "The invitation is not open any more (DECLINED) | ردشده",
                "'tehran-group' does not co-host the event (ENDED) | پایان‌یافته",
                "You have 20 tokens already; revoke one first | ۲۰",
                "must be between 1 and 500 | ۵۰۰",
            })
    void namesAndNumbersInsideAMessageKeepTheirPlace(String english, String kept) {
        String persian = persian(english);
        assertThat(isPersian(persian)).as(persian).isTrue();
        assertThat(persian).contains(kept).doesNotContain("{a}", "{b}", "{0}");
        // A Latin name sits isolated inside the Persian sentence, so it cannot reorder it.
        if (kept.matches("[a-z-]+")) {
            assertThat(persian).contains("\u2068" + kept + "\u2069");
        }
    }

    @Test
    void capitalsTheCatalogueDoesNotNameStayPartOfTheMessage() {
        assertThat(persian("must be an ISO 3166 two-letter country code")).contains("ISO ۳۱۶۶");
    }

    private String persian(String english) {
        Problem problem = new Problem("/problems/validation", "Invalid request", 400, english, "/x", List.of());
        return texts.localise(problem, Language.FA).detail();
    }

    private static boolean isPersian(String text) {
        return text != null && text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    /** The message of each refusal whose message is one string literal ("X" of notFound reads "X not found"). */
    private static TreeSet<String> refusalMessages() {
        TreeSet<String> messages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    List<String> args = arguments(source, call.end());
                    String kind = call.group(1);
                    int index = kind.equals("notFound") || kind.equals("forbidden") ? 0 : 1;
                    if (args.size() <= index) {
                        continue;
                    }
                    Matcher literal = LITERAL.matcher(args.get(index).strip());
                    if (literal.matches()) {
                        messages.add(literal.group(1) + (kind.equals("notFound") ? " not found" : ""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** The top-level arguments of the call whose opening parenthesis is just before {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> args = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    args.add(current.toString());
                    return args;
                }
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }
}
