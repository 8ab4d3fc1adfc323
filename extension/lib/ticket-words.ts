import type { TicketRemark, TicketRemarkId } from '../../shared/routine/ticket';
import { type MessageKey, t } from './i18n';

/**
 * R-T-1, R-T-2 and R-J-7 in the browser's language (issue 14): shared/ decides which remark
 * applies (and says it in Swedish); the extension words it by its ID. ticket-words.test.ts holds
 * the Swedish to shared/'s exactly.
 */
const REMARK_KEYS: Record<TicketRemarkId, MessageKey> = {
  'resource-unknown': 'ticket_resourceUnknown',
  'resource-wrong-admin': 'ticket_resourceWrongAdmin',
  'resource-wrong-unit': 'ticket_resourceWrongUnit',
  'reason-unknown': 'ticket_reasonUnknown',
  'reason-todo': 'ticket_reasonTodo',
  'validUntil-unknown': 'ticket_validUntilUnknown',
  'validUntil-todo': 'ticket_validUntilTodo',
  'anamnesis-unknown': 'ticket_anamnesisUnknown',
  'anamnesis-todo': 'ticket_anamnesisTodo',
  'chat-open': 'ticket_closeChat',
};

export function remarkWords(remark: TicketRemark): string {
  return t(REMARK_KEYS[remark.id], remark.now ?? '');
}

/** ticketVisitNotice, worded: the count is left out when it could not be read. */
export function ticketVisitWords(fromUnit: string, notes: number | null): string {
  return notes === null ? t('ticket_visitNotice', fromUnit) : t('ticket_visitNoticeCount', fromUnit, notes);
}

const VIDIMERING_KEYS: Record<'pending' | 'done' | 'unknown', MessageKey> = {
  pending: 'ticket_vidimeringPending',
  done: 'ticket_vidimeringDone',
  unknown: 'ticket_vidimeringUnknown',
};

/** VIDIMERING_TEXT, worded. */
export function vidimeringWords(status: 'pending' | 'done' | 'unknown'): string {
  return t(VIDIMERING_KEYS[status]);
}
