package org.tocsin.moderation;

/** What a report is about. */
public enum ReportKind {
    EVENT,
    ORGANIZATION,
    CAMPAIGN
}
