package org.tocsin.kernel;

/** The one rule for URL names of organizations, campaigns and calendars. */
public final class Slugs {

    /** 2-64 lower-case ASCII letters, digits and single inner hyphens. */
    public static final String PATTERN = "^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,63}$";

    public static final String MESSAGE = "must be 2-64 lower-case letters, digits or single hyphens";

    private Slugs() {}
}
