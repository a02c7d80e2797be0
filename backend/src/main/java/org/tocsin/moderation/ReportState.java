package org.tocsin.moderation;

/** OPEN until a moderator dismisses it or acts on its target (hides it), which settles every open report about it. */
public enum ReportState {
    OPEN,
    DISMISSED,
    ACTED
}
