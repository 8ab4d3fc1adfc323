import type { ChatCache } from './chat';
import { channelsOf, patientImages } from './chat';
import { known, unknown } from './field';
import { readHandedOver } from './handed-over';
import { readPatientIdentity } from './patient-identity';
import { healthOf } from './sections';
import type { SelectorRegistry } from './selectors';
import { type ClinicSnapshot, Reader } from './snapshot';

/**
 * The page read again after messages were appended to a long chat, and nothing else changed
 * (ChatCache.onlyAppended): the chat and what the time can change (the patient's ID and its
 * cross-check of the age shown, the handed-over list) are read; the rest is `previous`'s, the page
 * around the chat being as it was. Null when that does not hold: not a visit, or a visit start
 * that is unknown or reads differently (the visit's date decides ages): read the whole page, and
 * tell every feature.
 */
export function readChatAppended(
  previous: ClinicSnapshot,
  doc: Document,
  registry: SelectorRegistry,
  now: Date,
  chatCache: ChatCache,
): ClinicSnapshot | null {
  const reader = new Reader(doc, registry, chatCache);
  const header = reader.element('patientHeader');
  const visitStartedAt = header ? reader.visitStartedAt(now) : unknown<string>('missing');
  const same = previous.visitStartedAt;
  if (
    !header ||
    previous.route !== 'visit' ||
    !visitStartedAt.known ||
    !same.known ||
    visitStartedAt.value !== same.value
  )
    return null;
  const idRead = readPatientIdentity(header, registry, new Date(visitStartedAt.value), now);
  reader.health.patientId = healthOf(idRead.id);
  const chat = reader.chat(now);
  const inChat = chat.known ? patientImages(chat.value) : unknown<number>(chat.reason);
  const uploads = previous.uploads;
  return {
    ...previous,
    patient: { ...previous.patient, id: idRead.id, idText: idRead.text },
    chat,
    channels: chat.known ? channelsOf(chat.value, registry.match) : unknown(chat.reason),
    imagesSent: uploads.known && inChat.known ? known(uploads.value + inChat.value) : unknown('missing'),
    handedOver: readHandedOver(doc, registry, now, reader.queries),
    health: { ...previous.health, ...reader.health },
  };
}
