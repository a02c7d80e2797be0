/** Where a feed can be subscribed to: calendar apps, Google, Outlook.com and Microsoft 365. */
/** The webcal:// form of an http(s) calendar address. */
export function webcalOf(https: string): string {
  return https.replace(/^https?:/, 'webcal:');
}

/** Google Calendar refuses to subscribe to a calendar address of 256 characters or more. */
export const GOOGLE_MAX_URL = 255;

/**
 * The query that asks a feed for a UI language's words ("?lang=fa"); English, what every feed writes without
 * one, adds nothing, so English addresses stay as they always were.
 */
export function feedLanguage(language = 'en'): string {
  return language === 'en' ? '' : `?lang=${encodeURIComponent(language)}`;
}

/** "Add to calendar" for one event, in the UI's language. */
export function eventIcsPath(id: string, language = 'en'): string {
  return `/events/${encodeURIComponent(id)}.ics${feedLanguage(language)}`;
}

/**
 * Subscription addresses of a feed path such as "/feeds/cities/de/berlin" (no extension), in a UI language:
 * a Persian UI subscribes to the Persian feeds.
 */
export function subscribeLinks(feedPath: string, origin = location.origin, name = '', language = 'en') {
  const query = feedLanguage(language);
  const https = `${origin}${feedPath}.ics${query}`;
  const webcal = webcalOf(https);
  // Outlook's "add from web" page takes the https address and a name for the calendar.
  const outlook = (host: string) =>
    `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(https)}${name ? `&name=${encodeURIComponent(name)}` : ''}`;
  return {
    https,
    webcal,
    // Plain links to Google's and Microsoft's "add by URL" pages: nothing of theirs is loaded by Tocsin itself.
    // No Google link for an address too long for Google (a long tag in a non-Latin script, percent-encoded).
    google:
      webcal.length <= GOOGLE_MAX_URL
        ? `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`
        : undefined,
    outlook: outlook('outlook.live.com'),
    office365: outlook('outlook.office.com'),
    json: `${origin}${feedPath}.json${query}`,
    atom: `${origin}${feedPath}.atom${query}`,
  };
}
