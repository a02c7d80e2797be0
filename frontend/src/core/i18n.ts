/**
 * Languages: one file per language under ../locales/ (adding a language is adding one file). Chosen by
 * ?lang=, then what was remembered, then the browser's languages; sets <html lang dir>.
 */
import en from '../locales/en';
import type { Locale, Messages } from '../locales/en';

const files = import.meta.glob<{ default: Locale }>('../locales/*.ts', { eager: true });
export const LOCALES: Record<string, Locale> = {};
for (const mod of Object.values(files)) LOCALES[mod.default.lang] = mod.default;
LOCALES.en ??= en;

const STORAGE_KEY = 'tocsin.lang';
let current: Locale = en;
const listeners = new Set<() => void>();

export type MessageKey = keyof Messages;

/** The best supported language for a list of wishes ("fa-IR" → "fa"), or undefined. */
export function pickLanguage(wishes: readonly (string | null | undefined)[]): string | undefined {
  for (const w of wishes) {
    if (!w) continue;
    const base = w.toLowerCase().split(/[-_]/)[0];
    if (LOCALES[base]) return base;
  }
  return undefined;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Decide the language at start-up from the URL, what was remembered, and the browser. */
export function initLanguage(
  search = globalThis.location?.search ?? '',
  browser: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  const fromUrl = new URLSearchParams(search).get('lang');
  const chosen = pickLanguage([fromUrl]);
  if (chosen) storage()?.setItem(STORAGE_KEY, chosen);
  return setLanguage(chosen ?? pickLanguage([storage()?.getItem(STORAGE_KEY)]) ?? pickLanguage(browser) ?? 'en', false);
}

export function setLanguage(lang: string, remember = true): Locale {
  current = LOCALES[lang] ?? en;
  if (remember) storage()?.setItem(STORAGE_KEY, current.lang);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = current.lang;
    document.documentElement.dir = current.dir;
  }
  listeners.forEach((l) => l());
  return current;
}

export function locale(): Locale {
  return current;
}
export function lang(): string {
  return current.lang;
}

export function onLanguageChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A message in a language (the current one by default), with {placeholders} filled in. */
export function translate(loc: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = loc.messages[key] ?? en.messages[key] ?? String(key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return v === undefined ? `{${k}}` : typeof v === 'number' ? formatNumberIn(loc, v) : v;
  });
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(current, key, vars);
}

export function formatNumberIn(loc: Locale, n: number): string {
  return new Intl.NumberFormat(loc.intl).format(n);
}
