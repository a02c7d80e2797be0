package org.tocsin.feeds;

/**
 * What a feed is called and where it lives: its name for calendar apps and feed readers, a line
 * saying what it holds, its page in the web app and its own address.
 */
record CalendarMeta(String name, String description, String pageUrl, String feedPath) {}
