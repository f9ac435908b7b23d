// Benchmark: validating generated task files (JSONL and CSV) of 10,000 and 100,000 rows.
// Prints rows/s and the peak RSS of each run; each run is a fresh child process, so its peak
// RSS is its own. Memory is flat when the 100,000-row peak is close to the 10,000-row one.
//
//   npx nx run bench:parse
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { formatCsvRecord, validateTaskFile, type TaskFileFormat } from '@gtr/task-files';

interface RunResult {
  rows: number;
  valid: number;
  seconds: number;
  peakRssMiB: number;
}

const SIZES = [10_000, 100_000];
const FORMATS: TaskFileFormat[] = ['jsonl', 'csv'];
const WORDS = [
  'summarise',
  'the',
  'report',
  'in',
  'three',
  'bullet',
  'points,',
  'quoting',
  '"key',
  'figures"',
  'and',
  'naming',
  'risks',
  'é',
  '日本',
  '😀',
];

/** A row with a ~200-character prompt; some have quotes, commas and line breaks. */
function rowAt(i: number): Record<string, unknown> {
  let prompt = `Task ${i}:`;
  for (let k = 0; prompt.length < 200; k++) prompt += ` ${WORDS[(i * 7 + k * 3) % WORDS.length]}`;
  if (i % 10 === 0) prompt += '\nSecond line,\r\nthird "line".';
  return {
    id: `row-${i}`,
    prompt,
    model: 'gpt-4o-mini',
    temperature: (i % 3) * 0.5,
    max_tokens: 256,
    metadata: JSON.stringify({ customer: `c-${i % 97}`, priority: i % 5 }),
  };
}

async function writeFile(path: string, format: TaskFileFormat, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const columns = ['id', 'prompt', 'model', 'temperature', 'max_tokens', 'metadata'];
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') await write(formatCsvRecord(columns));
  for (let i = 1; i <= rows; i++) {
    const row = rowAt(i);
    if (format === 'csv') {
      await write(formatCsvRecord(columns.map((column) => String(row[column]))));
    } else {
      await write(`${JSON.stringify({ ...row, metadata: JSON.parse(String(row.metadata)) })}\n`);
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Child process: validates one file and sends back its numbers. */
async function measure(path: string): Promise<RunResult> {
  const started = process.hrtime.bigint();
  const report = await validateTaskFile(path);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (report.code) throw new Error(`generated file is invalid: ${JSON.stringify(report.issues.slice(0, 3))}`);
  return {
    rows: report.total,
    valid: report.valid,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function runChild(path: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['measure', path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as RunResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`measuring ${path} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gtr-bench-task-file-'));
  try {
    console.log('format      rows   file MiB   seconds       rows/s   peak RSS MiB');
    for (const format of FORMATS) {
      for (const rows of SIZES) {
        const path = join(dir, `tasks-${rows}.${format}`);
        await writeFile(path, format, rows);
        const result = await runChild(path);
        const mib = statSync(path).size / 2 ** 20;
        console.log(
          [
            format.padEnd(6),
            String(result.rows).padStart(9),
            mib.toFixed(1).padStart(10),
            result.seconds.toFixed(2).padStart(9),
            Math.round(result.rows / result.seconds)
              .toLocaleString('en-US')
              .padStart(12),
            result.peakRssMiB.toFixed(0).padStart(14),
          ].join(' '),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'measure') {
  measure(process.argv[3]).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
