/**
 * Loads PGlite and its socket server on demand, so processes on an external Postgres never
 * load the engine.
 */
export async function loadPglite() {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  return { PGlite, PGLiteSocketServer };
}
