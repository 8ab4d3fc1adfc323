import { t } from '../lib/i18n';
import { normalizeText } from './dom-query';
import { type Field, known, unknown } from './field';
import { stockholmDateTime } from './identity-text';

/** A time shown as text: "08:27" or "2024-06-03 08:27". */
const CLOCK_TEXT = /^(?:\d{4}-\d{2}-\d{2}\s+)?\d{1,2}[:.]\d{2}$/u;

import type { VocabularyMatchers } from './selectors';

export type ChatAuthor = 'patient' | 'clinician' | 'system' | 'unknown';

export interface ChatMessage {
  author: ChatAuthor;
  at: string | null;
  text: string;
  images: number;
}

/** Which contact channels the visit actually used, from the chat's messages and call events. */
export interface VisitChannels {
  chat: boolean;
  phone: boolean;
  video: boolean;
}

const ITEM_TAGS = new Set(['LI', 'ARTICLE']);
const ITEM_ROLES = new Set(['article', 'listitem', 'row']);

/** The log's message elements: its items, or the items of the one list it wraps. */
export function messageElements(log: Element): Element[] {
  const isItem = (el: Element) => ITEM_TAGS.has(el.tagName) || ITEM_ROLES.has(el.getAttribute('role') ?? '');
  const direct = Array.from(log.children).filter(isItem);
  if (direct.length > 0 || log.children.length !== 1) return direct;
  return Array.from(log.children[0]!.children).filter(isItem);
}

/**
 * Parsed chat messages kept between reads, per message element. The page observer drops an
 * entry whenever anything inside that message changes (invalidate), so a long chat is parsed
 * once and then only its new or changed messages: the product re-reads on every DOM change.
 * Clear it when the vocabulary changes.
 */
export class ChatCache {
  private messages = new WeakMap<Element, ChatMessage>();

  get(item: Element, match: VocabularyMatchers, now?: Date): ChatMessage {
    let message = this.messages.get(item);
    if (!message) {
      message = readMessage(item, match, now);
      this.messages.set(item, message);
    }
    return message;
  }

  invalidate(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      for (let el = target instanceof Element ? target : target.parentElement; el; el = el.parentElement) {
        if (this.messages.delete(el)) break;
      }
    }
  }

  clear(): void {
    this.messages = new WeakMap();
  }
}

/** One message: its author from the vocabulary's words (a leaf element saying only that word). */
export function readMessage(item: Element, match: VocabularyMatchers, now: Date = new Date()): ChatMessage {
  // One pass over the message's elements: a 2,000-message visit is read on every change.
  let at: string | null = null;
  let clock: string | null = null;
  let author: ChatAuthor = 'unknown';
  let images = 0;
  const paragraphs: string[] = [];
  const all = item.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.tagName;
    if (tag === 'TIME') at ??= el.getAttribute('datetime');
    else if (tag === 'IMG' || el.getAttribute('role') === 'img') images++;
    else if (tag === 'P') {
      // The meta line (author, role, time) is not the message's text.
      if (el.getElementsByTagName('time').length === 0 && !isAuthorLine(el, match)) {
        const text = normalizeText(el.textContent);
        if (text) paragraphs.push(text);
      }
    } else if (el.childElementCount === 0) {
      const text = normalizeText(el.textContent);
      const word: Exclude<ChatAuthor, 'unknown'> | undefined =
        author === 'unknown' ? match.authors.get(text.toLocaleLowerCase('sv')) : undefined;
      if (word) author = word;
      // A time shown without <time> ("08:27" in the meta line).
      else if (clock === null && CLOCK_TEXT.test(text)) clock = text;
    }
  }
  const datetime = at && !Number.isNaN(Date.parse(at)) ? at : clock ? stockholmDateTime(clock, now) : null;
  return {
    author,
    at: datetime,
    text: paragraphs.length > 0 ? paragraphs.join('\n') : normalizeText(item.textContent),
    images,
  };
}

function isAuthorLine(p: Element, match: VocabularyMatchers): boolean {
  return Array.from(p.children).some((c) => {
    const text = normalizeText(c.textContent);
    return match.authors.has(text.toLocaleLowerCase('sv')) || CLOCK_TEXT.test(text);
  });
}

const CALLISH = /(?<![\p{L}])(?:\p{L}*samtal|video|ljud|telefon|ringt|ringde|ringer)/iu;

/**
 * R-J-3/R-J-4/R-NR-3: channels from the messages. Unknown when the log cannot vouch for it: a
 * message with no recognised author (it may be the clinician's, or a call event), or a system
 * line that talks of a call in words the vocabulary does not know.
 */
export function channelsOf(messages: readonly ChatMessage[], match: VocabularyMatchers): Field<VisitChannels> {
  let phone = false;
  let video = false;
  let unsure = false;
  for (const m of messages) {
    if (m.author === 'patient' || m.author === 'clinician') continue;
    const isVideo = match.callVideo?.test(m.text) ?? false;
    const isPhone = match.callPhone?.test(m.text) ?? false;
    video ||= isVideo;
    phone ||= isPhone;
    if (!isVideo && !isPhone && (m.author === 'unknown' || CALLISH.test(m.text))) unsure = true;
  }
  const chat = messages.some((m) => m.author === 'clinician');
  if (unsure) return unknown('invalid', t('adapter_chatUnsure'));
  return known({ chat, phone, video });
}

/** R-J-6: images the patient sent in the chat; unknown if a message with images has no known author. */
export function patientImages(messages: readonly ChatMessage[]): Field<number> {
  let count = 0;
  for (const m of messages) {
    if (m.images === 0) continue;
    if (m.author === 'unknown') return unknown('invalid', t('adapter_chatImgs'));
    if (m.author === 'patient') count += m.images;
  }
  return known(count);
}
