// Every schema-version step, oldest first. A new version = one more numbered file, appended here.
import type { Migration } from './migration';
import { v001ToV002 } from './v001-to-v002';
import { v002ToV003 } from './v002-to-v003';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [v001ToV002, v002ToV003];
