import { bilingual } from '../../contracts/validation.js';
import type { Message } from './errors.js';

/** One catalogue entry: the same message in both languages, `{name}` where a value is put in. */
export interface Entry {
  readonly zh: string;
  readonly en: string;
}

/** A value put into a message: the same in both languages, or one per language (a Chinese label, an English code). */
export type Param = string | number | Message;

/** A module's catalogue; both texts must be there (checked again, with placeholders, by src/test/messages.test.ts). */
export function defineMessages<const T extends Record<string, Entry>>(entries: T): T {
  for (const [key, e] of Object.entries(entries)) {
    if (!e.zh || !e.en) throw new Error(`message ${key} lacks a language`);
  }
  return entries;
}

const fill = (text: string, params: Record<string, Param>, lang: 'zh' | 'en') =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params[name];
    if (p === undefined) return whole;
    return typeof p === 'object' ? p[lang] : String(p);
  });

/** The entry as `{ zh, en }` with its placeholders filled in. */
export function msg(entry: Entry, params: Record<string, Param> = {}): Message {
  return { zh: fill(entry.zh, params, 'zh'), en: fill(entry.en, params, 'en') };
}

/** Placeholder names of one text, for the catalogue test. */
export const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** A catalogue entry as a zod message (`{ error }`), unpacked by the error handler and the web's forms. */
export const bilingualMsg = (entry: Message) => bilingual(entry.zh, entry.en);
