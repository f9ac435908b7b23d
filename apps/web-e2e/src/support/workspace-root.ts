import { resolve } from 'node:path';

/** The monorepo root: built apps and node_modules are found from here. */
export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..');
