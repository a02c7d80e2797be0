import { t, type MessageKey } from './i18n';

/** The fixed set of accessibility features an event can offer (backend events.AccessibilityFeature). */
export const ACCESSIBILITY_FEATURES = [
  'STEP_FREE_ACCESS',
  'SEATING',
  'SIGN_LANGUAGE',
  'QUIET_SPACE',
  'ACCESSIBLE_TOILET',
  'HEARING_LOOP',
  'CAPTIONS',
  'ASSISTANCE_ANIMALS',
] as const;

export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** The feature in the page's language. */
export function accessibilityLabel(feature: string): string {
  return t(`a11y.${feature}` as MessageKey);
}

/** Languages an event may be held in, offered in the discovery filter (any BCP 47 tag is accepted by the API). */
export const FILTER_LANGUAGES = ['fa', 'en', 'ar', 'ku', 'az', 'de', 'fr', 'es', 'tr'] as const;

/** A language tag's name in the page's language ("fa" → "Persian" / "فارسی"); the tag itself when unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
