package org.tocsin.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event's accessibility information: the features it offers (from a fixed set) and a short free
 * text (how to reach the entrance, whom to ask). Public like the rest of the event's description.
 */
public record Accessibility(List<AccessibilityFeature> features, String note) {

    public static final int MAX_NOTE = 500;

    public Accessibility {
        features = features == null ? List.of() : List.copyOf(features);
    }

    public boolean isEmpty() {
        return features.isEmpty() && (note == null || note.isBlank());
    }

    /** One line for plain-text outputs: "Accessibility: step-free access, seating. Ramp at the side door." */
    public String summary() {
        String listed = features.stream().map(AccessibilityFeature::words).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder("Accessibility: ").append(listed);
        if (note != null && !note.isBlank()) {
            out.append(listed.isEmpty() ? "" : ". ").append(note);
        }
        return out.toString();
    }
}
