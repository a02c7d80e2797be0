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
 * language's digits ({@code problems/messages_fa.properties}). The type, status, field names and
 * anything not in the catalogue stay as they are, so clients that read types and fields see no change.
 * Field names (Latin) are isolated inside Persian text so they never reorder it.
 */
@Component
class ProblemTexts {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
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
        Matcher m = NUMBER.matcher(english);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(key, "{" + numbers.size() + "}");
            numbers.add(m.group());
        }
        m.appendTail(key);
        String persianText = persian.getProperty("message." + key);
        if (persianText == null) {
            // Bean Validation already speaks the request's language (its own Persian messages): digits only.
            return english.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? Digits.persian(english) : english;
        }
        for (int i = 0; i < numbers.size(); i++) {
            persianText = persianText.replace("{" + i + "}", Digits.persian(numbers.get(i)));
        }
        return persianText;
    }
}
