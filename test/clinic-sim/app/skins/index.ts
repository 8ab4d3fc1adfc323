/** The skins by name (see ../../README.md, "Skins"). */
import type { SkinName } from '../../model';
import { dl } from './dl';
import { foreign } from './foreign';
import { grid } from './grid';
import { regions } from './regions';
import { tables } from './tables';
import type { Skin } from './types';

export const SKIN_VIEWS: Record<SkinName, Skin> = { dl, regions, tables, grid, foreign };
