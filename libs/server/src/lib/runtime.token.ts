/** Nest injection token of the process's {@link Runtime}. */
export const RUNTIME = Symbol('gtr.runtime');
