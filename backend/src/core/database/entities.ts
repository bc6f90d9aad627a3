import { SystemSetting } from '../../modules/system/system-setting.entity.js';
import { CreateSystemSettings1763900000000 } from '../../migrations/1763900000000-CreateSystemSettings.js';

/** Explicit lists rather than globs: the same code runs from src (tests) and dist (production). */
export const ENTITIES = [SystemSetting];
export const MIGRATIONS = [CreateSystemSettings1763900000000];
