// Benchmark: submitting a 100,000-row JSONL task file as one batch to a running api.
// Prints the upload-to-201 time, rows/s, and the api's resident memory (from its /metrics)
// before, at its highest while the request ran (sampled every 200 ms), and after.
//
//   GTR_API_URL=http://127.0.0.1:3000 GTR_API_KEY=gtr_… npx nx run bench:ingest -- [rows]
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGtrClient } from '@gtr/client';

const rows = Number(process.argv[2] ?? 100_000);
const baseUrl = process.env['GTR_API_URL'] ?? 'http://127.0.0.1:3000';
const apiKey = process.env['GTR_API_KEY'] ?? '';

async function writeJsonl(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 1; i <= rows; i++) {
    const line = `${JSON.stringify({ id: `row-${i}`, prompt: `Summarise item ${i}, "quoted", in three bullet points.`, temperature: 0 })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function apiRssMiB(): Promise<number | null> {
  try {
    const text = await (await fetch(new URL('/metrics', baseUrl))).text();
    const match = /^process_resident_memory_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
    return match ? Number(match[1]) / 1024 / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  if (!apiKey) throw new Error('Set GTR_API_KEY (and GTR_API_URL) to a running api');
  const dir = mkdtempSync(join(tmpdir(), 'gtr-ingest-'));
  try {
    const path = join(dir, 'tasks.jsonl');
    await writeJsonl(path);
    const client = createGtrClient({ baseUrl, apiKey });
    const before = await apiRssMiB();
    let peak = before ?? 0;
    const sampler = setInterval(() => {
      void apiRssMiB().then((rss) => {
        if (rss !== null) peak = Math.max(peak, rss);
      });
    }, 200);
    const started = process.hrtime.bigint();
    const created = await client.uploadBatch(await openAsBlob(path), {
      fileName: 'tasks.jsonl',
      name: 'ingest-bench',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const after = await apiRssMiB();
    const mib = (n: number | null) => (n === null ? '-' : n.toFixed(0));
    console.log(`file          ${(statSync(path).size / 1024 / 1024).toFixed(1)} MiB, ${rows} rows`);
    console.log(`batch         ${created.batch.id}, total ${created.batch.total}`);
    console.log(`time          ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s)`);
    console.log(`api RSS MiB   before ${mib(before)}, peak ${mib(peak)}, after ${mib(after)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
