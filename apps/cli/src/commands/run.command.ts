import { type Command } from 'commander';
import { type RunParams, type RunRequest } from '@gtr/domain';
import { jsonObjectOption } from '../args/json-object-option';
import { numberOption } from '../args/number-option';
import { templateInput } from '../args/template-input';
import { UsageError } from '../args/usage-error';
import { varOption } from '../args/var-option';
import { type CliContext } from '../cli-context';
import { followRun } from '../follow-run';
import { runBatch } from './run-batch';

interface RunFlags {
  prompt?: string;
  system?: string;
  task?: string;
  version?: number;
  var?: Record<string, string>;
  input?: Record<string, unknown>;
  model?: string;
  provider?: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  seed?: number;
  idempotencyKey?: string;
  metadata?: Record<string, unknown>;
  wait?: boolean;
  json?: boolean;
  file?: string;
  out?: string;
  resume?: string;
  skipInvalid?: boolean;
  concurrency?: number;
  mode?: 'queue' | 'provider_batch';
  dryRun?: boolean;
}

/** `gtr run (-p TEXT | --task NAME --var k=v …) [...]`: creates a run; with `--wait`, prints its answer. */
export function registerRunCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('Create a run from a prompt or a task; with --wait, print its answer')
    .option('-p, --prompt <text>', 'the user prompt (or give --task)')
    .option('--system <text>', 'a system message before the prompt')
    .option('--task <name>', 'run this task, its template rendered with --var / --input')
    .option(
      '--version <n>',
      'with --task: a version other than the latest',
      numberOption('--version', { integer: true }),
    )
    .option(
      '--var <key=value>',
      'with --task: a template variable; dots nest: user.name=Ada (repeatable)',
      varOption('--var'),
    )
    .option(
      '--input <json>',
      'with --task: template variables as a JSON object (--var wins)',
      jsonObjectOption('--input'),
    )
    .option('-m, --model <model>', "model name (default: the task's, else the API default)")
    .option('--provider <name>', 'provider, e.g. openai or dry-run (default: the API default)')
    .option('--dry-run', 'use the dry-run provider: free, deterministic answers, no network')
    .option('-t, --temperature <t>', 'sampling temperature, 0-2', numberOption('--temperature'))
    .option('--max-tokens <n>', 'most tokens to generate', numberOption('--max-tokens', { integer: true }))
    .option('--top-p <p>', 'nucleus sampling, 0-1', numberOption('--top-p'))
    .option('--seed <n>', 'sampling seed', numberOption('--seed', { integer: true }))
    .option(
      '--idempotency-key <key>',
      'reuse the run created earlier with this key instead of creating another',
    )
    .option('--metadata <json>', 'JSON object stored with the run', jsonObjectOption('--metadata'))
    .option('-w, --wait', 'wait for the run to finish and print its answer')
    .option('--json', 'print the run as JSON')
    .option('-i, --file <path>', 'run every row of a CSV or JSONL task file as a batch (with -o)')
    .option('-o, --out <path>', 'with -i / --resume: write the results here (.jsonl or .csv)')
    .option('--resume <batchId>', 'follow an earlier batch again and write its results (with -o)')
    .option('--only-failed', "with --resume: run the batch's failed rows again, then write all results")
    .option(
      '--concurrency <n>',
      'with -i: most provider calls of the batch in flight at once, across all workers (1-1000)',
      numberOption('--concurrency', { integer: true }),
    )
    .option(
      '--mode <mode>',
      "with -i: queue (default) runs rows through gtr's workers; provider_batch sends them to the provider's Batch API at half price (openai providers, results within 24 h)",
      batchModeOption,
    )
    .option(
      '--skip-invalid',
      'with -i: run the valid rows and list the invalid ones instead of refusing the file',
    )
    .action(async (given: RunFlags) => {
      const flags = withDryRun(given);
      if (flags.file !== undefined || flags.resume !== undefined) {
        ctx.exitCode = await runBatch(ctx, flags);
        return;
      }
      const run = await ctx.client().createRun(toRequest(flags), { signal: ctx.signal });
      if (flags.wait) {
        ctx.exitCode = await followRun(ctx, run.id, { json: flags.json === true });
      } else if (flags.json) {
        ctx.json(run);
      } else {
        ctx.out(`${run.id} ${run.status}`);
      }
    });
}

/** Parses `--mode`. */
function batchModeOption(value: string): 'queue' | 'provider_batch' {
  if (value === 'queue' || value === 'provider_batch') return value;
  throw new UsageError('E_VALIDATION', `--mode must be queue or provider_batch, got "${value}"`);
}

/**
 * The request body; absent flags stay absent (API defaults), 0 stays 0.
 * @throws UsageError when neither or both of `--prompt` and `--task` are given, or a flag of one
 * form comes with the other.
 */
export function toRequest(flags: RunFlags): RunRequest {
  const params: RunParams = {};
  if (flags.temperature !== undefined) params.temperature = flags.temperature;
  if (flags.maxTokens !== undefined) params.maxTokens = flags.maxTokens;
  if (flags.topP !== undefined) params.topP = flags.topP;
  if (flags.seed !== undefined) params.seed = flags.seed;
  const common = {
    ...(flags.model !== undefined && { model: flags.model }),
    ...(Object.keys(params).length > 0 && { params }),
    ...(flags.metadata !== undefined && { metadata: flags.metadata }),
    ...(flags.idempotencyKey !== undefined && { idempotencyKey: flags.idempotencyKey }),
  };
  if (flags.prompt !== undefined && flags.task !== undefined) {
    throw new UsageError('E_VALIDATION', '--prompt and --task cannot be combined; give one');
  }
  if (flags.task !== undefined) {
    for (const [given, flag] of [
      [flags.system, '--system'],
      [flags.provider, '--provider'],
    ] as const) {
      if (given !== undefined)
        throw new UsageError('E_VALIDATION', `${flag} cannot be combined with --task: the task sets it`);
    }
    return {
      task: flags.task,
      ...(flags.version !== undefined && { version: flags.version }),
      input: templateInput(flags.input, flags.var),
      ...common,
    };
  }
  if (flags.prompt === undefined) {
    throw new UsageError(
      'E_VALIDATION_MISSING_FIELD',
      'give --prompt <text>, or --task <name> to run a task',
    );
  }
  for (const [given, flag] of [
    [flags.version, '--version'],
    [flags.var, '--var'],
    [flags.input, '--input'],
  ] as const) {
    if (given !== undefined) throw new UsageError('E_VALIDATION', `${flag} needs --task`);
  }
  return {
    prompt: flags.prompt,
    ...(flags.system !== undefined && { system: flags.system }),
    ...(flags.provider !== undefined && { provider: flags.provider }),
    ...common,
  };
}

/** `--dry-run` is `--provider dry-run`; giving both is a mistake worth naming. */
function withDryRun(flags: RunFlags): RunFlags {
  if (!flags.dryRun) return flags;
  if (flags.provider !== undefined && flags.provider !== 'dry-run') {
    throw new UsageError('E_VALIDATION', '--dry-run and --provider cannot be combined; give one');
  }
  return { ...flags, provider: 'dry-run' };
}
