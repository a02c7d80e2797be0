package org.tocsin.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;

/**
 * Problem details in the caller's language ({@code Accept-Language}): the title by the problem's type,
 * the detail and each field's message by their English text, numbers taken out and put back in the
 * language's digits ({@code problems/messages_fa.properties}). A message naming something (a slug in
 * quotes, a role or state such as {@code ORGANIZER} or {@code PENDING}) is looked up with each name as
 * {@code {a}}, {@code {b}}… (letters, so the numbers' placeholders never take them), and the name is put back in Persian when the catalogue has it
 * ({@code value.ORGANIZER}), else as it was, isolated. The type, status, field names and anything not
 * in the catalogue stay as they are, so clients that read types and fields see no change. Latin inside
 * Persian text (field names, slugs) is isolated so it never reorders it.
 */
@Component
class ProblemTexts {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A quoted name ('my-group'), or a word in capitals that the catalogue names ({@code value.OWNER}). */
    private static final Pattern NAME = Pattern.compile("'([^']{1,200})'|\\b([A-Z][A-Z_]{2,})(?=s?\\b)");

    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private final Properties persian = new Properties();

    ProblemTexts() {
        try (Reader in = new InputStreamReader(
                new ClassPathResource("problems/messages_fa.properties").getInputStream(), StandardCharsets.UTF_8)) {
            persian.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Problem localise(Problem problem, Language language) {
        if (language != Language.FA) {
            return problem;
        }
        String suffix = problem.type() == null
                ? ""
                : problem.type().substring(problem.type().lastIndexOf('/') + 1);
        String title = persian.getProperty("title." + suffix, problem.title());
        List<Refusal.FieldProblem> errors = new ArrayList<>();
        if (problem.errors() != null) {
            for (Refusal.FieldProblem f : problem.errors()) {
                errors.add(new Refusal.FieldProblem(f.field(), message(f.message())));
            }
        }
        String detail;
        if (errors.size() == 1) {
            detail = FSI + errors.getFirst().field() + PDI + ": "
                    + errors.getFirst().message();
        } else {
            detail = problem.detail() == null ? null : message(problem.detail());
        }
        return new Problem(problem.type(), title, problem.status(), detail, problem.instance(), errors);
    }

    /**
     * The Persian of an English message, its numbers kept (in Persian digits); the English when unknown.
     * Bean Validation's messages arrive already in Persian (Hibernate Validator's own translations, chosen
     * by the request's Accept-Language): only their digits change.
     */
    private String message(String english) {
        if (english == null) {
            return null;
        }
        List<String> numbers = new ArrayList<>();
        String persianText = persian.getProperty("message." + lift(english, NUMBER, numbers, false));
        List<String> names = new ArrayList<>();
        if (persianText == null) {
            numbers.clear();
            String named = lift(english, NAME, names, true);
            persianText = persian.getProperty("message." + lift(named, NUMBER, numbers, false));
        }
        if (persianText == null) {
            // Bean Validation already speaks the request's language (its own Persian messages): digits only.
            return english.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? Digits.persian(english) : english;
        }
        for (int i = 0; i < numbers.size(); i++) {
            persianText = persianText.replace("{" + i + "}", Digits.persian(numbers.get(i)));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            persianText =
                    persianText.replace(placeholder(i, true), persian.getProperty("value." + name, FSI + name + PDI));
        }
        return persianText;
    }

    /** The text with each match of {@code pattern} replaced by its placeholder, the matches in {@code out}. */
    private String lift(String text, Pattern pattern, List<String> out, boolean names) {
        Matcher m = pattern.matcher(text);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            String quoted = m.groupCount() > 0 ? m.group(1) : null;
            String word = m.groupCount() > 1 ? m.group(2) : null;
            if (word != null && !persian.containsKey("value." + word)) {
                continue; // capitals the catalogue does not name (ISO, CSRF, JSON) are part of the message
            }
            String value = quoted != null ? quoted : word != null ? word : m.group();
            m.appendReplacement(key, Matcher.quoteReplacement(placeholder(out.size(), names)));
            out.add(value);
        }
        m.appendTail(key);
        return key.toString();
    }

    /** {@code {0}}, {@code {1}}… for numbers; {@code {a}}, {@code {b}}… for names. */
    private static String placeholder(int index, boolean name) {
        return "{" + (name ? String.valueOf((char) ('a' + index)) : String.valueOf(index)) + "}";
    }
}
