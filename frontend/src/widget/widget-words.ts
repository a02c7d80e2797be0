/**
 * The widget's own words, in each language the app speaks. Partners' pages download these few rather
 * than the app's whole dictionary, which grows with every feature (the widget's budget is 25 KB). The
 * widget's test checks them against the app's dictionaries, so the two cannot drift apart.
 */
import type { DateStyle } from '../locales/en';

export const WIDGET_KEYS = [
  'common.loading',
  'event.cancelled',
  'event.online',
  'events.none',
  'widget.error',
  'widget.heading',
  'widget.more',
  'widget.subscribe',
] as const;

export type WidgetKey = (typeof WIDGET_KEYS)[number];

export interface WidgetLocale extends DateStyle {
  words: Record<WidgetKey, string>;
}

export const WIDGET_LOCALES: Record<string, WidgetLocale> = {
  en: {
    lang: 'en',
    dir: 'ltr',
    intl: 'en-GB',
    weekdaySeparator: ', ',
    separator: ', ',
    words: {
      'common.loading': 'Loading…',
      'event.cancelled': 'Cancelled',
      'event.online': 'Online',
      'events.none': 'No upcoming actions here yet.',
      'widget.error': 'The actions could not be loaded.',
      'widget.heading': 'Upcoming actions',
      'widget.more': 'All actions',
      'widget.subscribe': 'Subscribe',
    },
  },
  fa: {
    lang: 'fa',
    dir: 'rtl',
    intl: 'fa-IR-u-ca-persian-nu-arabext',
    gregorianIntl: 'fa-IR-u-ca-gregory-nu-arabext',
    weekdaySeparator: ' ',
    separator: '، ',
    words: {
      'common.loading': 'در حال بارگذاری…',
      'event.cancelled': 'لغو شد',
      'event.online': 'آنلاین',
      'events.none': 'هنوز کنشی در پیش نیست.',
      'widget.error': 'کنش‌ها بارگذاری نشدند.',
      'widget.heading': 'کنش‌های پیش رو',
      'widget.more': 'همه کنش‌ها',
      'widget.subscribe': 'اشتراک',
    },
  },
};

/** The best of the widget's languages for a wish ("fa-IR" → Persian), English otherwise. */
export function widgetLocale(wish: string | null | undefined): WidgetLocale {
  const base = (wish ?? '').toLowerCase().split(/[-_]/)[0];
  return WIDGET_LOCALES[base] ?? WIDGET_LOCALES.en;
}
