package org.tocsin.coalitions;

/** Where a submission to a campaign stands. Only APPROVED puts the event into the campaign. */
public enum SubmissionState {
    PENDING,
    APPROVED,
    DECLINED
}
