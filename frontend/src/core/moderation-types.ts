/** A report in the moderators' queue (GET /api/v1/moderation/reports). Nothing about the reporter exists. */
export interface Report {
  id: string;
  kind: 'EVENT' | 'ORGANIZATION' | 'CAMPAIGN';
  targetId: string;
  organizationId: string;
  label?: string;
  category: string;
  text?: string;
  state: 'OPEN' | 'DISMISSED' | 'ACTED';
  at: string;
  targetHidden: boolean;
  openReportsAboutTarget: number;
}

/** What the moderators hid (GET /api/v1/moderation/takedowns). */
export interface Takedown {
  kind: 'EVENT' | 'ORGANIZATION';
  targetId: string;
  label: string;
  at: string;
}

export interface Suspension {
  userId: string;
  displayName?: string;
  at: string;
}

/** One audit log entry (GET /api/v1/organizations/{slug}/audit). */
export interface AuditEntry {
  id: string;
  at: string;
  actorId?: string;
  actorName?: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  label?: string;
  subjectUserId?: string;
  campaignId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** One date of a series with its RSVP counts (GET /api/v1/events/{id}/rsvps/by-date), organizers only. */
export interface DateCounts {
  occurrence: string;
  startUtc: string;
  endUtc: string;
  cancelled: boolean;
  moved: boolean;
  attendance?: { going: number; maybe: number; waitlisted: number; capacity?: number; spotsLeft?: number };
}
