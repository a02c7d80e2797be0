package org.tocsin.audit;

/** What an entry records. Names are stable: clients translate them. */
public enum AuditAction {
    EVENT_CREATED,
    EVENT_EDITED,
    EVENT_PUBLISHED,
    EVENT_CANCELLED,
    EVENT_POSTPONED,
    EVENT_REINSTATED,
    EVENT_DATE_CHANGED,
    EVENT_DELETED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    INVITATION_CREATED,
    INVITATION_REVOKED,
    INVITATION_ACCEPTED,
    SUBMISSION_SENT,
    SUBMISSION_APPROVED,
    SUBMISSION_DECLINED,
    SUBMISSION_WITHDRAWN,
    CALL_CHANGED,
    PARTNERS_CHANGED,
    EVENT_HIDDEN,
    EVENT_RESTORED,
    ORGANIZATION_HIDDEN,
    ORGANIZATION_RESTORED,
    /** A bulk import job wrote its events: one entry per job, its label the number written. */
    EVENTS_IMPORTED
}
