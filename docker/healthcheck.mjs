// HEALTHCHECK probe for the images, which ship no curl or wget: GET http://127.0.0.1:<port><path>
// and exit 0 on a 2xx answer (redirects followed), 1 otherwise.
//   node docker/healthcheck.mjs <PORT_ENV | -> <default port> <path>
// The port comes from the named environment variable (the one the process listens on), else the
// default; `-` means the default only.
const [portEnv, defaultPort, path] = process.argv.slice(2);
if (!defaultPort || !path?.startsWith('/')) {
  process.stderr.write('usage: healthcheck.mjs <PORT_ENV|-> <default port> <path>\n');
  process.exit(2);
}
const port = (portEnv !== '-' && process.env[portEnv]) || defaultPort;
try {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
