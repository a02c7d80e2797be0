package org.tocsin.feeds;

import org.tocsin.events.FeedSelection;

/**
 * A resolved feed: what it carries, what it is called, and whether it is public (cacheable by
 * anyone, readable from any origin) or private (a capability URL for one person).
 */
record FeedScope(String key, FeedSelection selection, CalendarMeta meta, boolean isPublic) {}
