/** What a skin draws: the pages the page adapter reads. Everything else is shared. */
import type { SimCase } from '../../model';
import type { Ctx } from '../context';
import type { Html } from '../html';
import type { DropInTab } from '../routes';

export interface Skin {
  /** The logged-in frame: main menu with the name block, shift state, global filter, `<main>`. */
  shell(x: Ctx, content: Html): Html;
  /** Drop in: the tabs and the queue of the tab. */
  dropIn(x: Ctx, tab: DropInTab): Html;
  /** A visit: patient header, visit facts, triage, anamnesis, uploads, guardians, chat. */
  visit(x: Ctx, c: SimCase): Html;
  /** CSS for the skin's own class roles (the shared stylesheet covers the rest). */
  styles(cls: (role: string) => string): string;
}
