import { t } from '../lib/i18n';
import { LONG_LIST, normalizeText } from './dom-query';
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

const isItem = (el: Element) => ITEM_TAGS.has(el.tagName) || ITEM_ROLES.has(el.getAttribute('role') ?? '');

/** The element whose children are the messages: the log, or the one list it wraps. */
function itemsParent(log: Element): Element {
  const only = log.childElementCount === 1 ? log.firstElementChild! : null;
  return only && !isItem(only) ? only : log;
}

/** The log's message elements: its items, or the items of the one list it wraps. */
export function messageElements(log: Element): Element[] {
  return Array.from(itemsParent(log).children).filter(isItem);
}

/** A log's message elements as last listed, and the children that list came from. */
interface ListedLog {
  parent: Element;
  items: Element[];
  /** How many element children the list came from. */
  children: number;
  /** The last child already checked to be where the list has it. */
  checked: Element | null;
  /** Children added at the end since, by the records: checked before they are trusted. */
  appended: Element[];
  stale: boolean;
}

/**
 * The list still is the page's: no change but appends at its end was recorded, and the page
 * agrees (the child count, and the appended children in order after the checked one, up to the
 * last: records can be missed or misreported).
 */
function stillListed(listed: ListedLog): boolean {
  if (listed.stale || listed.parent.childElementCount !== listed.children) return false;
  let previous = listed.checked;
  for (const child of listed.appended) {
    if (child.parentElement !== listed.parent || child.previousElementSibling !== previous) return false;
    previous = child;
  }
  return listed.parent.lastElementChild === previous;
}

/** Messages kept by markup: two long visits' worth, oldest dropped first. */
const MARKUP_ENTRIES = 5000;

/**
 * Parsed chat messages kept between reads, per message element. The page observer drops an
 * entry whenever anything inside that message changes (invalidate), so a long chat is parsed
 * once and then only its new or changed messages: the product re-reads on every DOM change.
 * A message element the console renders anew with the same markup (coming back to a visit, a
 * re-rendered list) is the same message: found by its markup, neither parsed again nor a new
 * object (readers that follow appended messages see the chat unchanged).
 * Clear it when the vocabulary changes.
 */
export class ChatCache {
  private messages = new WeakMap<Element, ChatMessage>();
  private byMarkup = new Map<string, ChatMessage>();
  private lists = new Map<Element, ListedLog>();
  /** Since the chat was last listed, the console changed other than by appending to it. */
  private changedElsewhere = true;
  /** The messages last read, in the order of `items` (the list kept): none has changed since. */
  private lastRead: { items: Element[]; messages: ChatMessage[]; match: VocabularyMatchers } | null = null;

  /**
   * The console changed only by messages appended to a long chat since it was last listed: its
   * items are not in the page's structure index (LONG_LIST), so nothing but the chat can read
   * differently.
   */
  onlyAppended(): boolean {
    if (this.changedElsewhere) return false;
    const [listed] = this.lists.values();
    return (
      listed !== undefined &&
      listed.appended.length > 0 &&
      listed.children - listed.appended.length > LONG_LIST &&
      stillListed(listed)
    );
  }

  /**
   * The log's message elements, listed again only when the observer saw its list change other
   * than by messages appended at the end (those are added to the list): a message arriving in a
   * 2,000-message visit does not walk the 2,000. A child count or last child that disagrees with
   * what the records said (records missed or misreported) lists it again.
   */
  elements(log: Element): Element[] {
    const listed = this.lists.get(log);
    const parent = itemsParent(log);
    this.changedElsewhere = false;
    if (listed && listed.parent === parent && stillListed(listed)) {
      listed.checked = parent.lastElementChild;
      listed.appended = [];
      return listed.items;
    }
    const items = Array.from(parent.children).filter(isItem);
    // One log at a time: a visit has one chat.
    this.lists.clear();
    this.lists.set(log, {
      parent,
      items,
      children: parent.childElementCount,
      checked: parent.lastElementChild,
      appended: [],
      stale: false,
    });
    return items;
  }

  /**
   * The log's messages. When its list only grew since the last read and nothing inside a message
   * changed, only the new ones are looked up: a message arriving in a 2,000-message visit does not
   * look up the 2,000 (issue 16).
   */
  read(log: Element, match: VocabularyMatchers, now?: Date): ChatMessage[] {
    const items = this.elements(log);
    const last = this.lastRead;
    const grown = last !== null && last.items === items && last.match === match;
    const messages = grown
      ? last.messages.concat(items.slice(last.messages.length).map((item) => this.get(item, match, now)))
      : items.map((item) => this.get(item, match, now));
    this.lastRead = { items, messages, match };
    return messages;
  }

  get(item: Element, match: VocabularyMatchers, now?: Date): ChatMessage {
    let message = this.messages.get(item);
    if (message) return message;
    const markup = item.outerHTML;
    message = this.byMarkup.get(markup);
    if (message) this.byMarkup.delete(markup);
    else message = readMessage(item, match, now);
    this.byMarkup.set(markup, message);
    if (this.byMarkup.size > MARKUP_ENTRIES) this.byMarkup.delete(this.byMarkup.keys().next().value!);
    this.messages.set(item, message);
    return message;
  }

  invalidate(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type !== 'childList' || !this.listChanged(record)) this.changedElsewhere = true;
      for (let el = target instanceof Element ? target : target.parentElement; el; el = el.parentElement) {
        if (!this.messages.delete(el)) continue;
        this.lastRead = null; // a message read before changed: read() looks all of them up again
        break;
      }
    }
  }

  /** True when the record appended to a listed chat (its new children are on the list). */
  private listChanged(record: MutationRecord): boolean {
    let appendedToList = false;
    for (const [log, listed] of this.lists) {
      if (record.target !== listed.parent && record.target !== log) continue;
      const appended =
        record.target === listed.parent &&
        record.removedNodes.length === 0 &&
        record.nextSibling === null &&
        !listed.stale;
      if (!appended) {
        listed.stale = true;
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        listed.children++;
        listed.appended.push(node as Element);
        if (isItem(node as Element)) listed.items.push(node as Element);
      }
      appendedToList = true;
    }
    return appendedToList;
  }

  clear(): void {
    this.changedElsewhere = true;
    this.lastRead = null;
    this.lists.clear();
    this.messages = new WeakMap();
    this.byMarkup.clear();
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
