/** Messages between the background and the content scripts. */
export interface CopyPatientIdCommand {
  type: 'copy-patient-id';
}

export function isCopyPatientIdCommand(message: unknown): message is CopyPatientIdCommand {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'copy-patient-id';
}
