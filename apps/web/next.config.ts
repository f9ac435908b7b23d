import { join } from 'node:path';
import { type NextConfig } from 'next';

// The dashboard imports workspace libs (`@gtr/*` tsconfig paths) that live outside apps/web,
// so both bundlers and the output tracer must see the whole workspace.
const workspaceRoot = join(__dirname, '..', '..');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  experimental: { externalDir: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // An operator console with a Cancel button must not be framed by another site.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
