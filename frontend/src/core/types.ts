/** Shapes of the public API v1 (see ARCHITECTURE.md and /v3/api-docs). */
export type EventKind = 'VIGIL' | 'RALLY' | 'MARCH' | 'ONLINE_SESSION' | 'MEETING' | 'SCREENING' | 'OTHER';
export const EVENT_KINDS: EventKind[] = ['VIGIL', 'RALLY', 'MARCH', 'ONLINE_SESSION', 'MEETING', 'SCREENING', 'OTHER'];
export type RsvpMode = 'OPEN' | 'APPROVAL' | 'EMAIL_CONFIRMED' | 'CLOSED';
export const RSVP_MODES: RsvpMode[] = ['OPEN', 'APPROVAL', 'EMAIL_CONFIRMED', 'CLOSED'];
export type Role = 'OWNER' | 'ADMIN' | 'ORGANIZER' | 'MEMBER';
export const ROLES: Role[] = ['OWNER', 'ADMIN', 'ORGANIZER', 'MEMBER'];

export interface Owner {
  slug: string;
  name: string;
}
export interface Place {
  venue?: string;
  address?: string;
  city: string;
  countryCode: string;
  cityKey?: string;
  lat?: number;
  lon?: number;
  /** The city's names in other languages by tag ({ fa: 'تهران' }), those the server's gazetteer has. */
  cityNames?: Record<string, string>;
}
export interface Attendance {
  going: number;
  maybe: number;
  waitlisted: number;
  capacity?: number | null;
  spotsLeft?: number | null;
}
export interface EventView {
  id: string;
  organization: Owner;
  /** Accepted co-hosts, beside the host (absent when none). */
  coHosts?: Owner[];
  campaign?: Owner;
  title: string;
  description?: string;
  descriptionHtml?: string;
  kind: EventKind;
  status: 'SCHEDULED' | 'CANCELLED' | 'POSTPONED' | string;
  statusReason?: string;
  start: string;
  end: string;
  timeZone: string;
  startUtc: string;
  endUtc: string;
  recurrenceId?: string;
  recurrence?: { rrule: string; exdates?: string[] };
  overrides?: { recurrenceId: string; cancelled: boolean; start?: string; end?: string }[];
  place?: Place;
  online?: { url: string; platform?: string };
  locationHidden: boolean;
  speakers?: { name: string; affiliation?: string }[];
  tags?: string[];
  languages?: string[];
  /** What the event offers for access (features from a fixed set) and a short note; absent when nothing is said. */
  accessibility?: { features: string[]; note?: string };
  capacity?: number;
  rsvpMode?: RsvpMode;
  visibility?: 'PUBLIC' | 'UNLISTED' | 'PRIVATE';
  locationVisibility?: 'PUBLIC' | 'ATTENDEES';
  attendance?: Attendance;
  sequence: number;
  /** Only in a member's view: not published yet; `publishAt`, when it will be. */
  draft?: boolean;
  publishAt?: string;
  /** When a location kept for attendees becomes public. */
  locationRevealAt?: string;
  /** Organizers' notes for attendees: only in an attendee's own view (their RSVP's manage link). */
  privateNotes?: string;
  privateNotesHtml?: string;
}

/** Organizers' notes for the people going, as written and as safe HTML. */
export interface PrivateNote {
  text: string;
  html: string;
}
export interface EventPage {
  items: EventView[];
  nextCursor?: string | null;
}
export interface CityCount {
  city: string;
  countryCode: string;
  cityKey: string;
  lat?: number;
  lon?: number;
  events: number;
  /** The city's names in other languages by tag ({ fa: 'تهران' }), those the server's gazetteer has. */
  cityNames?: Record<string, string>;
}
/** A city the gazetteer suggests as one types (GET /api/v1/places); `names.fa` is its Persian name, if known. */
export interface PlaceSuggestion {
  key: string;
  name: string;
  names: { fa?: string };
  country: string;
  zone: string;
  lat: number;
  lon: number;
}
export interface Campaign {
  id: string;
  slug: string;
  name: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  organization: Owner;
  cities?: CityCount[];
  totalEvents?: number;
}
export interface Organization {
  id: string;
  slug: string;
  name: string;
  description?: string;
  myRole?: Role;
}
export interface Member {
  userId: string;
  displayName: string;
  role: Role;
  since: string;
}
/** A new invitation link, as POST …/invitations answers it: the only time its url is shown. */
export interface CreatedInvitation {
  id: string;
  url: string;
  role: Role;
  expiresAt: string;
  maxUses: number;
}
/** An open invitation as the organization's admins see it (never its link). */
export interface Invitation {
  id: string;
  role: Role;
  expiresAt: string;
  maxUses: number;
  uses: number;
  createdAt: string;
}
/** Where an invitation link leads (GET /api/v1/invitations/{token}). */
export interface InvitationPreview {
  organization: { slug: string; name: string };
  role: Role;
}
/** calendarFeedUrl: the private address of the calendar of one's RSVPs; null until asked for. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  admin: boolean;
  calendarFeedUrl?: string | null;
  /** Whether the address was confirmed by its mailed link (GET /api/v1/me says; sign-in answers may not). */
  emailVerified?: boolean | null;
  /** A mailed verification link still works; false for accounts older than verification, which never got one. */
  verificationLinkSent?: boolean | null;
}
/** The answer of POST /api/v1/me/calendar-feed. */
export interface FeedAddress {
  url: string;
  webcal: string;
}
/** What a password change ended: other sessions, and by kind the credentials revoked with them. */
export interface PasswordChanged {
  otherSessionsEnded: number;
  revoked: { apiTokens?: number; calendarFeed?: number; organizationFeeds?: number };
}
/** The answer to a right password on an account with two-factor sign-in: no session yet. */
export interface SecondFactorNeeded {
  secondFactorRequired: true;
  challenge: string;
  expiresAt: string;
  /** What finishes it: `code` (the app or a recovery code), `passkey`, or both. */
  methods?: ('code' | 'passkey')[];
}
/** One of the person's passkeys (days only; the key never leaves the server). */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdOn: string;
  lastUsedOn?: string | null;
}
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt?: string;
  recoveryCodesLeft: number;
}
/** Shown once: the secret for the authenticator app, as text and as a QR code (SVG drawn by the server). */
export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}
export interface SessionInfo {
  id: string;
  device: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}
export interface SignedOutEverywhere {
  sessionsEnded: number;
  revoked: { apiTokens?: number; calendarFeed?: number; organizationFeeds?: number };
}
export type RsvpResponse = 'GOING' | 'MAYBE' | 'NOT_GOING';
export interface Rsvp {
  id: string;
  /** UNCONFIRMED: a guest's RSVP to an EMAIL_CONFIRMED event, counting for nothing until confirmed from the mail. */
  state: RsvpResponse | 'WAITLISTED' | 'PENDING' | 'DECLINED' | 'UNCONFIRMED';
  occurrence?: string;
  occurrenceStartUtc?: string;
  waitlistPosition?: number;
  manageToken?: string;
  name?: string;
  email?: string;
  guests?: number;
  response?: RsvpResponse;
  event?: EventView;
  eventId?: string;
}
export interface EventFilters {
  q?: string;
  city?: string;
  country?: string;
  kind?: string;
  campaign?: string;
  organization?: string;
  tag?: string;
  from?: string;
  to?: string;
  near?: string;
  radiusKm?: string;
  limit?: number;
  cursor?: string;
  /** Comma-separated accessibility features, every one of which an event must offer. */
  accessibility?: string;
  /** A BCP 47 language tag; "fa" also finds fa-AF. */
  language?: string;
}

/** A campaign's public call to host an action (GET /api/v1/campaigns/{slug}/call). */
export interface CampaignCall {
  open: boolean;
  instructions: string;
  /** Sanitised by the server, like every description. */
  instructionsHtml: string;
  template: string;
  materials: { title: string; url: string }[];
  acceptsFrom?: string | null;
  acceptsTo?: string | null;
  reviewChanges: boolean;
}
export type SubmissionState = 'PENDING' | 'APPROVED' | 'DECLINED';
/** An event offered to a campaign, as its reviewers and its submitters see it. */
export interface Submission {
  id: string;
  state: SubmissionState;
  reason?: string;
  submittedAt: string;
  decidedAt?: string;
  campaign: { slug: string; name: string };
  event?: { id: string; title: string; startDate: string; city?: string; countryCode?: string; online: boolean };
  organization?: { slug: string; name: string };
  history?: { pending: number; approved: number; declined: number };
}

/** One organization in the deletion preview that must be handed on first. */
export interface DeletionBlocker {
  slug: string;
  name: string;
  reason: 'only-owner' | 'only-member' | string;
  why: string;
  /** Its other members: one of them made OWNER settles it. */
  handOnTo: { userId: string; displayName: string; role: string }[];
  /** What deleting it with the account removes, counted per part. */
  deletes: Record<string, number>;
}
/** GET /api/v1/organizations/{slug}/deletion: what deleting the organization removes, counted per part. */
export interface OrganizationDeletionPreview {
  slug: string;
  name: string;
  counts: Record<string, number>;
  secondFactorRequired: boolean;
  /** What may answer for it: `code`, `passkey`, or both. */
  secondFactorMethods?: string[];
}
/** GET /api/v1/me/deletion: what deleting the account would do. */
export interface DeletionPreview {
  allowed: boolean;
  blockers: DeletionBlocker[];
  parts: {
    memberships?: { count: number; details: { organization: string; organizationName: string; role: string }[] };
    rsvps?: { count: number; details: { upcoming: number; past: number }[] };
  };
  apiTokens: number;
  sessions: number;
  secondFactorRequired: boolean;
  /** What may answer for it: `code`, `passkey`, or both. */
  secondFactorMethods?: string[];
}

export type CoHostState = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'ENDED';

/** An invitation to co-host an event, as the host's and the invited organization's members see it. */
export interface CoHost {
  id: string;
  event: string;
  eventTitle: string;
  host: Owner;
  organization: Owner;
  state: CoHostState;
  invitedAt: string;
  decidedAt?: string;
}
