import { CreatedInitialSchema1795632609461 } from './1795632609461-CreatedInitialSchema';

/** Every migration, oldest first. */
export const ALL_MIGRATIONS = [CreatedInitialSchema1795632609461];
