package org.tocsin.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per mailbox: trimmed, NFC, lower case, so "Ana@Example.org " and "ana@example.org" are one account. */
public final class Emails {

    // Deliberately loose: a local part, an @, a domain with a dot. The mailbox itself is never verified here.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {}

    public static String normalise(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public static boolean looksValid(String email) {
        return email != null
                && email.length() <= 254
                && SHAPE.matcher(email.strip()).matches();
    }
}
