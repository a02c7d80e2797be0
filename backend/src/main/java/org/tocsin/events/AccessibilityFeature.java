package org.tocsin.events;

import java.util.Locale;

/**
 * What an event offers for access, as organizers tick it: a fixed set, so discovery can filter on it
 * and every client can translate it. Anything else goes in the free text ({@link Accessibility#note}).
 */
public enum AccessibilityFeature {
    STEP_FREE_ACCESS,
    SEATING,
    SIGN_LANGUAGE,
    QUIET_SPACE,
    ACCESSIBLE_TOILET,
    HEARING_LOOP,
    CAPTIONS,
    ASSISTANCE_ANIMALS;

    /** English words for plain-text outputs (feeds, calendar descriptions): "step-free access". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("step free", "step-free");
    }
}
