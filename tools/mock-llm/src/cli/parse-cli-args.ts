import { parseArgs } from 'node:util';
import { FAULT_KINDS, type FaultKind } from '../faults/fault-kind';
import { type MockLlmOptions } from '../options/mock-llm-options';

/** The `--help` text of the CLI. */
export const CLI_USAGE = `Usage: mock-llm [options]

  --port <n>                 port to listen on (default 4010; 0 = any free port)
  --host <addr>              address to bind (default 127.0.0.1)
  --latency <ms>             delay before each chat completion answer
  --jitter <ms>              uniform +/- jitter on the latency
  --rpm <n>                  requests per minute (default unlimited)
  --tpm <n>                  tokens per minute (default unlimited)
  --window <minute|second>   limit window (second = rpm/60 per second)
  --api-key <key>            require Authorization: Bearer <key>
  --default-max-tokens <n>   completion tokens assumed by the TPM check
  --context-window <n>       prompt + max tokens allowed
  --models <a,b,...>         ids listed by GET /v1/models
  --quota-exhausted          answer every completion 429 insufficient_quota
  --fault <kind=rate>        fault probability, repeatable (kinds: ${FAULT_KINDS.join(', ')})
  --fail-next <kind=count>   fail the next count completions, repeatable
  --batch-delay <ms>         time a Batch API batch takes to complete (default 1000)
  --seed <n>                 seed jitter and fault dice
  --help                     print this text
`;

/** What the command line asks for. */
export type CliRequest = { help: true } | { help: false; options: MockLlmOptions };

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed))
    throw new Error(`--${name} must be an integer, got "${value}"`);
  return parsed;
}

function perFault(name: string, values: string[] | undefined, parse: (value: string) => number | undefined) {
  if (!values) return undefined;
  const entries = values.map((pair) => {
    const [kind, raw] = pair.split('=');
    if (!(FAULT_KINDS as readonly string[]).includes(kind) || raw === undefined) {
      throw new Error(
        `--${name} expects <kind>=<value> with kind one of ${FAULT_KINDS.join(', ')}, got "${pair}"`,
      );
    }
    return [kind as FaultKind, parse(raw)] as const;
  });
  return Object.fromEntries(entries) as Partial<Record<FaultKind, number>>;
}

function probability(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed))
    throw new Error(`--fault rate must be a number, got "${value}"`);
  return parsed;
}

/**
 * Parses the CLI flags into start options; throws an Error with a readable message on an
 * unknown flag or a malformed value (ranges are checked when the mock starts).
 */
export function parseCliArgs(argv: string[]): CliRequest {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      window: { type: 'string' },
      'api-key': { type: 'string' },
      'default-max-tokens': { type: 'string' },
      'context-window': { type: 'string' },
      models: { type: 'string' },
      'quota-exhausted': { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      'fail-next': { type: 'string', multiple: true },
      'batch-delay': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const window = values.window;
  if (window !== undefined && window !== 'minute' && window !== 'second') {
    throw new Error(`--window must be "minute" or "second", got "${window}"`);
  }
  const options: MockLlmOptions = {
    port: integer('port', values.port) ?? 4010,
    host: values.host,
    latencyMs: integer('latency', values.latency),
    jitterMs: integer('jitter', values.jitter),
    rpm: integer('rpm', values.rpm),
    tpm: integer('tpm', values.tpm),
    limitWindow: window,
    apiKey: values['api-key'],
    defaultMaxTokens: integer('default-max-tokens', values['default-max-tokens']),
    contextWindowTokens: integer('context-window', values['context-window']),
    models: values.models
      ?.split(',')
      .map((model) => model.trim())
      .filter(Boolean),
    quotaExhausted: values['quota-exhausted'],
    faults: perFault('fault', values.fault, probability),
    failNext: perFault('fail-next', values['fail-next'], (raw) => integer('fail-next', raw)),
    batchDelayMs: integer('batch-delay', values['batch-delay']),
    seed: integer('seed', values.seed),
  };
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { help: false, options: defined as MockLlmOptions };
}
