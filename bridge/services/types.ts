import type { CardStatus, JournalPdfRequest, JournalPdfResponse } from '../../shared/bridge-protocol';

/** Timing of one state change, for the bench: when the PC/SC layer reported it. */
export interface CardChangeMeta {
  /** performance.now() when the binding's status change arrived (or the change was decided). */
  detectedAt: number;
}

export interface CardStatusSource {
  current(): CardStatus;
  /** Called on every state change; returns an unsubscribe function. */
  subscribe(listener: (status: CardStatus, meta: CardChangeMeta) => void): () => void;
}

/** A request the service refuses because of what the client sent (→ 400). */
export class ClientInputError extends Error {
  constructor(
    readonly code: 'invalid_file_name' | 'validation_failed',
    message: string,
  ) {
    super(message);
  }
}

export interface JournalExporter {
  exportJournal(request: JournalPdfRequest): Promise<JournalPdfResponse>;
}

export interface BridgeServices {
  version: string;
  card: CardStatusSource;
  pdf: JournalExporter;
}
