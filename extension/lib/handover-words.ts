import {
  type HandoverAdvice,
  type PendingHandoverId,
  pendingHandoverId,
  type Receiver,
} from '../../shared/routine/handover';
import { type MessageKey, t } from './i18n';

/**
 * R-HO-1..3 in the browser's language (issue 14): shared/ decides which advice applies (and says
 * it in Swedish); the extension words it here. The phrases to copy into the chat stay the rule
 * set's Swedish (patient communication). handover-words.test.ts holds the Swedish to shared/'s.
 */
export function adviceWords(advice: HandoverAdvice, receiver: Receiver | null): HandoverAdvice {
  return {
    personWarning: advice.personWarning === null ? null : t('handover_personWarning', receiver?.name ?? ''),
    unknownReceiver: advice.unknownReceiver === null ? null : t('handover_unknownReceiver'),
    tellPatient: { text: t('handover_tellPatient'), phrases: advice.tellPatient.phrases },
    nobodyOnDuty: t('handover_nobodyOnDuty'),
    ownership: t('handover_ownership'),
  };
}

const PENDING_KEYS: Record<PendingHandoverId, MessageKey> = {
  mine: 'handover_pendingMine',
  'owner-unread': 'handover_pendingOwnerUnread',
  other: 'handover_pendingOther',
  'other-no-owner': 'handover_pendingOtherNoOwner',
};

/** The visit's handover while it waits for its receiver (pendingHandoverText, worded). */
export function pendingHandoverWords(receiver: string, mine: boolean | null, owner: string | null): string {
  return t(PENDING_KEYS[pendingHandoverId(mine, owner)], receiver, owner ?? '');
}

/** The clinician's own handovers not yet accepted (pendingListText, worded). */
export function pendingListWords(count: number): string {
  return count === 1 ? t('handover_pendingListOne') : t('handover_pendingListMany', count);
}
