import type {
  Campaign,
  CampaignCall,
  CityCount,
  CreatedInvitation,
  DeletionPreview,
  OrganizationDeletionPreview,
  EventFilters,
  EventPage,
  EventView,
  FeedAddress,
  Invitation,
  InvitationPreview,
  Me,
  Member,
  Organization,
  PlaceSuggestion,
  PasswordChanged,
  PrivateNote,
  Rsvp,
  SecondFactorNeeded,
  SessionInfo,
  SignedOutEverywhere,
  Submission,
  CoHost,
  SubmissionState,
  TwoFactorEnrolment,
  TwoFactorStatus,
  PasskeyInfo,
} from './types';
import type { CreationOptionsJson, CredentialJson, RequestOptionsJson } from './webauthn';
import type { SecondFactorAnswer } from './reconfirm';
import type { EventImportJob, ImportSource, NewImportSource, Webhook, WebhookDelivery } from './partner-types';

/** One field's complaint in an RFC 9457 problem body (see backend web/Problem.java). */
export interface FieldProblem {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** An API answer that was not 2xx, carrying the problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  /** Messages by field name, for showing next to the offending input. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= e.message;
    return out;
  }
}

type FetchLike = typeof fetch;

/** The query string of GET /api/v1/events (and /feeds/events.*) for a set of filters; empty values are left out. */
export function eventQuery(filters: EventFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && v !== null && String(v).trim() !== '') p.set(k, String(v).trim());
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * A small client for the Tocsin JSON API. In the app it sends the session cookie (same origin) and the CSRF
 * token on writes; the widget makes one with `credentials: 'omit'` for a foreign origin.
 */
export class Api {
  private csrf: Promise<{ headerName: string; token: string }> | null = null;

  constructor(
    readonly baseUrl = '',
    private readonly credentials: RequestCredentials = 'same-origin',
    private readonly fetcher: FetchLike = (...a) => fetch(...a),
  ) {}

  url(path: string): string {
    return this.baseUrl.replace(/\/+$/, '') + path;
  }

  /** {@code body} is sent as JSON, or as it is when a {@code contentType} is given (an NDJSON file). */
  async request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    // The page's language (the app sets <html lang> to its own), not only the browser's: problem details come
    // back in it, and an RSVP's mails speak it. Read from the page, so the widget does not carry the app's words.
    const language = globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en';
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
    if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.credentials !== 'omit') {
      const c = await this.csrfToken();
      headers[c.headerName || 'X-XSRF-TOKEN'] = c.token;
    }
    let res: Response;
    try {
      res = await this.fetcher(this.url(path), {
        method,
        headers,
        credentials: this.credentials,
        body: body === undefined ? undefined : contentType ? (body as BodyInit) : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({ status: 0, type: 'network', title: 'Network error' });
    }
    if (res.status === 403 && method !== 'GET' && this.csrf) {
      const problem = await readProblem(res);
      if (problem.type === '/problems/csrf') {
        this.csrf = null; // the session changed (sign-in or sign-out): fetch a fresh token once and retry
        return this.request<T>(method, path, body, contentType);
      }
      throw new ApiError(problem);
    }
    if (!res.ok) throw new ApiError(await readProblem(res));
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private csrfToken(): Promise<{ headerName: string; token: string }> {
    this.csrf ??= this.request<{ headerName: string; token: string }>('GET', '/api/v1/auth/csrf').catch((e) => {
      this.csrf = null;
      throw e;
    });
    return this.csrf;
  }

  /** Forget the CSRF token (after sign-in/out the server issues a new one). */
  resetCsrf(): void {
    this.csrf = null;
  }

  get<T>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  del<T>(path: string) {
    return this.request<T>('DELETE', path);
  }

  // Public reads
  events(filters: EventFilters) {
    return this.get<EventPage>(`/api/v1/events${eventQuery(filters)}`);
  }
  /** With `occurrence` (a series' recurrenceId): that date's view, its own status, times and counts. */
  event(id: string, occurrence?: string) {
    const date = occurrence ? `?occurrence=${encodeURIComponent(occurrence)}` : '';
    return this.get<EventView>(`/api/v1/events/${encodeURIComponent(id)}${date}`);
  }
  cities() {
    return this.get<CityCount[]>('/api/v1/cities');
  }
  /** The gazetteer's cities beginning with what was typed, in any script, largest first. */
  places(q: string, limit = 8) {
    return this.get<PlaceSuggestion[]>(`/api/v1/places?q=${encodeURIComponent(q)}&limit=${limit}`);
  }
  campaigns() {
    return this.get<Campaign[]>('/api/v1/campaigns');
  }
  campaign(slug: string) {
    return this.get<Campaign>(`/api/v1/campaigns/${encodeURIComponent(slug)}`);
  }
  campaignCall(slug: string) {
    return this.get<CampaignCall>(`/api/v1/campaigns/${encodeURIComponent(slug)}/call`);
  }
  /** Replaces a campaign's call to host an action (ORGANIZER+ of the organization running the campaign). */
  putCampaignCall(
    slug: string,
    call: Omit<CampaignCall, 'instructionsHtml' | 'acceptsFrom' | 'acceptsTo'> & {
      acceptsFrom: string | null;
      acceptsTo: string | null;
    },
  ) {
    return this.put<CampaignCall>(`/api/v1/campaigns/${encodeURIComponent(slug)}/call`, call);
  }
  /** Instructions rendered as the public call will show them (the server's sanitised Markdown), not saved. */
  previewCall(slug: string, instructions: string) {
    return this.post<{ instructionsHtml: string }>(`/api/v1/campaigns/${encodeURIComponent(slug)}/call/preview`, {
      instructions,
    });
  }
  /** Offers one of the caller's organization's events to a campaign: PENDING, or APPROVED for partners. */
  submitToCampaign(slug: string, eventId: string) {
    return this.post<Submission>(`/api/v1/campaigns/${encodeURIComponent(slug)}/submissions`, { event: eventId });
  }
  /** The review queue (the campaign's organizers only). */
  submissions(slug: string, filters: { state?: SubmissionState | ''; city?: string } = {}) {
    const p = new URLSearchParams();
    if (filters.state) p.set('state', filters.state);
    if (filters.city?.trim()) p.set('city', filters.city.trim());
    const q = p.toString();
    return this.get<Submission[]>(`/api/v1/campaigns/${encodeURIComponent(slug)}/submissions${q ? `?${q}` : ''}`);
  }
  /** Every co-hosting invitation of an event (members of its host and co-hosts). */
  coHosts(eventId: string) {
    return this.get<CoHost[]>(`/api/v1/events/${encodeURIComponent(eventId)}/cohosts`);
  }
  /** Invites an organization, by its slug, to co-host (the host's ORGANIZER+); it stays PENDING until accepted. */
  inviteCoHost(eventId: string, organization: string) {
    return this.post<CoHost>(`/api/v1/events/${encodeURIComponent(eventId)}/cohosts`, { organization });
  }
  /** Ends a co-hosting, or withdraws an open invitation (either side's ORGANIZER+). */
  endCoHost(eventId: string, organization: string) {
    return this.del<void>(`/api/v1/events/${encodeURIComponent(eventId)}/cohosts/${encodeURIComponent(organization)}`);
  }
  /** An organization's open invitations to co-host (its ORGANIZER+). */
  coHostInvitations(slug: string) {
    return this.get<CoHost[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/cohost-invitations`);
  }
  decideCoHostInvitation(slug: string, id: string, decision: 'accept' | 'decline') {
    return this.post<CoHost>(
      `/api/v1/organizations/${encodeURIComponent(slug)}/cohost-invitations/${encodeURIComponent(id)}/${decision}`,
    );
  }
  /** An organization's own submissions and their state, newest first (its ORGANIZER+). */
  organizationSubmissions(slug: string) {
    return this.get<Submission[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/submissions`);
  }
  approveSubmission(slug: string, id: string) {
    return this.post<Submission>(
      `/api/v1/campaigns/${encodeURIComponent(slug)}/submissions/${encodeURIComponent(id)}/approve`,
    );
  }
  approveSubmissions(slug: string, ids: string[]) {
    return this.post<Submission[]>(`/api/v1/campaigns/${encodeURIComponent(slug)}/submissions/approve`, { ids });
  }
  declineSubmission(slug: string, id: string, reason: string) {
    return this.post<Submission>(
      `/api/v1/campaigns/${encodeURIComponent(slug)}/submissions/${encodeURIComponent(id)}/decline`,
      { reason },
    );
  }
  organization(slug: string) {
    return this.get<Organization>(`/api/v1/organizations/${encodeURIComponent(slug)}`);
  }

  // RSVPs (guests, no account needed)
  rsvp(
    eventId: string,
    /** guests: a number, or what was typed when it is none (the server refuses it, naming the field). */
    body: { name: string; email?: string; response: string; guests?: number | string; occurrence?: string },
  ) {
    return this.post<Rsvp>(`/api/v1/events/${encodeURIComponent(eventId)}/rsvps`, body);
  }
  /** One's own RSVP and its event (GET answers {rsvp, event}; a flat RSVP is accepted too). */
  async myRsvp(token: string): Promise<Rsvp> {
    const body = await this.get<Rsvp | { rsvp: Rsvp; event?: EventView }>(`/api/v1/rsvps/${encodeURIComponent(token)}`);
    return 'rsvp' in body && body.rsvp ? { ...body.rsvp, event: body.event ?? body.rsvp.event } : (body as Rsvp);
  }
  changeRsvp(token: string, body: Partial<Rsvp>) {
    return this.patch<Rsvp>(`/api/v1/rsvps/${encodeURIComponent(token)}`, body);
  }
  cancelRsvp(token: string) {
    return this.del<void>(`/api/v1/rsvps/${encodeURIComponent(token)}`);
  }
  /** Confirms a guest's UNCONFIRMED RSVP (to an EMAIL_CONFIRMED event): holding the mailed token is the proof. */
  confirmRsvp(token: string) {
    return this.post<Rsvp>(`/api/v1/rsvps/${encodeURIComponent(token)}/confirm`);
  }

  // Accounts
  me() {
    return this.get<Me>('/api/v1/me');
  }
  /** A new private address of the calendar of one's RSVPs (the old one stops working). */
  createCalendarFeed() {
    return this.post<FeedAddress>('/api/v1/me/calendar-feed');
  }
  revokeCalendarFeed() {
    return this.del<void>('/api/v1/me/calendar-feed');
  }
  /** Ends every other session and revokes API tokens and calendar addresses; says what it ended. */
  changePassword(currentPassword: string, newPassword: string) {
    return this.post<PasswordChanged>('/api/v1/me/password', { currentPassword, newPassword });
  }
  /** Signs in, or answers the challenge of a second step when the account has two-factor sign-in. */
  async login(email: string, password: string): Promise<SecondFactorNeeded | undefined> {
    const answer = await this.post<Partial<SecondFactorNeeded>>('/api/v1/auth/login', { email, password });
    if (answer?.secondFactorRequired && answer.challenge) return answer as SecondFactorNeeded;
    this.resetCsrf();
    return undefined;
  }
  /** The second step: a code from the authenticator app, or a recovery code. */
  async loginSecondFactor(challenge: string, code: string) {
    await this.post<unknown>('/api/v1/auth/login/second-factor', { challenge, code });
    this.resetCsrf();
  }
  /** The second step with a passkey: options for the device, then its answer. */
  loginPasskeyOptions(challenge: string) {
    return this.post<RequestOptionsJson>('/api/v1/auth/login/passkey/options', { challenge });
  }
  async loginPasskey(challenge: string, credential: CredentialJson) {
    await this.post<unknown>('/api/v1/auth/login/passkey', { challenge, credential });
    this.resetCsrf();
  }
  passkeys() {
    return this.get<PasskeyInfo[]>('/api/v1/me/passkeys');
  }
  passkeyOptions(password: string) {
    return this.post<CreationOptionsJson>('/api/v1/me/passkeys/options', { password });
  }
  addPasskey(name: string, credential: CredentialJson) {
    return this.post<PasskeyInfo>('/api/v1/me/passkeys', { name, credential });
  }
  removePasskey(id: string, password: string, answer: SecondFactorAnswer = {}) {
    return this.request<void>('DELETE', `/api/v1/me/passkeys/${encodeURIComponent(id)}`, { password, ...answer });
  }
  /** Options for the device to confirm, again, with a passkey (an answer good once, for minutes). */
  reconfirmPasskeyOptions() {
    return this.post<RequestOptionsJson>('/api/v1/me/reconfirm/passkey-options');
  }
  twoFactor() {
    return this.get<TwoFactorStatus>('/api/v1/me/two-factor');
  }
  twoFactorSetup() {
    return this.post<TwoFactorEnrolment>('/api/v1/me/two-factor/setup');
  }
  twoFactorConfirm(code: string) {
    return this.post<{ recoveryCodes: string[] }>('/api/v1/me/two-factor/confirm', { code });
  }
  twoFactorDisable(password: string, code: string) {
    return this.post<void>('/api/v1/me/two-factor/disable', { password, code });
  }
  twoFactorRecoveryCodes(code: string) {
    return this.post<{ recoveryCodes: string[] }>('/api/v1/me/two-factor/recovery-codes', { code });
  }
  sessions() {
    return this.get<SessionInfo[]>('/api/v1/me/sessions');
  }
  endSession(id: string) {
    return this.del<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`);
  }
  signOutEverywhere() {
    return this.post<SignedOutEverywhere>('/api/v1/me/sign-out-everywhere');
  }
  requestPasswordReset(email: string) {
    return this.post<{ message: string }>('/api/v1/auth/password-reset', { email });
  }
  confirmPasswordReset(token: string, newPassword: string) {
    return this.post<void>('/api/v1/auth/password-reset/confirm', { token, newPassword });
  }
  /** Mails a new verification link; the same answer whether or not the address has an account. */
  requestEmailVerification(email: string) {
    return this.post<{ message: string }>('/api/v1/auth/email-verification', { email });
  }
  confirmEmailVerification(token: string) {
    return this.post<void>('/api/v1/auth/email-verification/confirm', { token });
  }
  deletionPreview() {
    return this.get<DeletionPreview>('/api/v1/me/deletion');
  }
  /**
   * Deletes the signed-in account for good, with the organizations it alone owns named in
   * {@code deleteOrganizations}; a code or a passkey's answer only with two-factor sign-in on.
   */
  deleteAccount(password: string, answer: SecondFactorAnswer = {}, deleteOrganizations: string[] = []) {
    return this.request<void>('DELETE', '/api/v1/me', {
      password,
      ...answer,
      ...(deleteOrganizations.length ? { deleteOrganizations } : {}),
    });
  }
  organizationDeletionPreview(slug: string) {
    return this.get<OrganizationDeletionPreview>(`/api/v1/organizations/${encodeURIComponent(slug)}/deletion`);
  }
  /** Deletes the organization for good (its OWNERs); a code or a passkey's answer only with two-factor sign-in on. */
  deleteOrganization(slug: string, password: string, answer: SecondFactorAnswer = {}) {
    return this.request<void>('DELETE', `/api/v1/organizations/${encodeURIComponent(slug)}`, { password, ...answer });
  }
  register(email: string, password: string, displayName: string) {
    return this.post<unknown>('/api/v1/auth/register', { email, password, displayName });
  }
  async logout() {
    await this.post<unknown>('/api/v1/auth/logout');
    this.resetCsrf();
  }

  // Organizer
  myOrganizations() {
    return this.get<Organization[]>('/api/v1/me/organizations');
  }
  createOrganization(body: { name: string; slug?: string; description?: string }) {
    return this.post<Organization>('/api/v1/organizations', body);
  }
  members(slug: string) {
    return this.get<Member[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/members`);
  }
  setRole(slug: string, userId: string, role: string) {
    return this.put<Member>(`/api/v1/organizations/${encodeURIComponent(slug)}/members/${encodeURIComponent(userId)}`, {
      role,
    });
  }
  removeMember(slug: string, userId: string) {
    return this.del<void>(`/api/v1/organizations/${encodeURIComponent(slug)}/members/${encodeURIComponent(userId)}`);
  }
  invitations(slug: string) {
    return this.get<Invitation[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/invitations`);
  }
  createInvitation(slug: string, body: { role: string; expiresInDays?: number; maxUses?: number }) {
    return this.post<CreatedInvitation>(`/api/v1/organizations/${encodeURIComponent(slug)}/invitations`, body);
  }
  revokeInvitation(slug: string, id: string) {
    return this.del<void>(`/api/v1/organizations/${encodeURIComponent(slug)}/invitations/${encodeURIComponent(id)}`);
  }
  /** Where an invitation link leads; anyone holding the link may ask. */
  invitation(token: string) {
    return this.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`);
  }
  acceptInvitation(token: string) {
    return this.post<InvitationPreview & { since: string }>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`);
  }
  createEvent(body: unknown) {
    return this.post<EventView>('/api/v1/events', body);
  }
  publishEvent(id: string) {
    return this.post<EventView>(`/api/v1/events/${encodeURIComponent(id)}/publish`, {});
  }
  /** For organizers and signed-in people going; a 404 for everyone else. */
  eventNotes(id: string) {
    return this.get<PrivateNote>(`/api/v1/events/${encodeURIComponent(id)}/notes`);
  }
  setEventNotes(id: string, text: string) {
    return this.put<PrivateNote>(`/api/v1/events/${encodeURIComponent(id)}/notes`, { text });
  }
  updateEvent(id: string, body: unknown) {
    return this.patch<EventView>(`/api/v1/events/${encodeURIComponent(id)}`, body);
  }
  cancelEvent(id: string, reason?: string) {
    return this.post<EventView>(`/api/v1/events/${encodeURIComponent(id)}/cancel`, reason ? { reason } : {});
  }
  reinstateEvent(id: string) {
    return this.post<EventView>(`/api/v1/events/${encodeURIComponent(id)}/reinstate`, {});
  }
  // Partners: calendar imports and webhooks (ADMIN+ of the organization).
  importSources(slug: string) {
    return this.get<ImportSource[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/imports`);
  }
  addImportSource(slug: string, body: NewImportSource) {
    return this.post<ImportSource>(`/api/v1/organizations/${encodeURIComponent(slug)}/imports`, body);
  }
  /** A file of newline-delimited event create bodies: answers the job, which runs on (202). */
  importEvents(slug: string, file: Blob | string) {
    return this.request<EventImportJob>(
      'POST',
      `/api/v1/organizations/${encodeURIComponent(slug)}/events/import`,
      file,
      'application/x-ndjson',
    );
  }
  eventImport(slug: string, id: string) {
    return this.get<EventImportJob>(
      `/api/v1/organizations/${encodeURIComponent(slug)}/events/imports/${encodeURIComponent(id)}`,
    );
  }
  syncImportSource(slug: string, id: string) {
    return this.post<ImportSource>(
      `/api/v1/organizations/${encodeURIComponent(slug)}/imports/${encodeURIComponent(id)}/sync`,
      {},
    );
  }
  webhooks(slug: string) {
    return this.get<Webhook[]>(`/api/v1/organizations/${encodeURIComponent(slug)}/webhooks`);
  }
  addWebhook(slug: string, body: { url: string; description?: string }) {
    return this.post<Webhook>(`/api/v1/organizations/${encodeURIComponent(slug)}/webhooks`, body);
  }
  webhookDeliveries(slug: string, id: string) {
    return this.get<WebhookDelivery[]>(
      `/api/v1/organizations/${encodeURIComponent(slug)}/webhooks/${encodeURIComponent(id)}/deliveries`,
    );
  }
}

async function readProblem(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Problem;
    return { ...body, status: res.status };
  } catch {
    return { status: res.status, title: res.statusText };
  }
}

/** The app's client: same origin, session cookie, CSRF on writes. */
export const api = new Api();
