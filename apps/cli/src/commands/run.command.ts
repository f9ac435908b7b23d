import { type Command } from 'commander';
import { type CreateRunRequest, type RunParams } from '@gtr/domain';
import { jsonObjectOption } from '../args/json-object-option';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { followRun } from '../follow-run';

interface RunFlags {
  prompt: string;
  system?: string;
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
}

/** `gtr run -p TEXT [...]`: creates an ad-hoc run; with `--wait`, prints its answer. */
export function registerRunCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('Create a run from a prompt; with --wait, print its answer')
    .requiredOption('-p, --prompt <text>', 'the user prompt')
    .option('--system <text>', 'a system message before the prompt')
    .option('-m, --model <model>', 'model name (default: the API default)')
    .option('--provider <name>', 'provider, e.g. openai or dry-run (default: the API default)')
    .option('-t, --temperature <t>', 'sampling temperature, 0-2', numberOption('--temperature'))
    .option('--max-tokens <n>', 'most tokens to generate', numberOption('--max-tokens', { integer: true }))
    .option('--top-p <p>', 'nucleus sampling, 0-1', numberOption('--top-p'))
    .option('--seed <n>', 'sampling seed', numberOption('--seed', { integer: true }))
    .option('--idempotency-key <key>', 'reuse the run created earlier with this key instead of creating another')
    .option('--metadata <json>', 'JSON object stored with the run', jsonObjectOption('--metadata'))
    .option('-w, --wait', 'wait for the run to finish and print its answer')
    .option('--json', 'print the run as JSON')
    .action(async (flags: RunFlags) => {
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

/** The request body; absent flags stay absent (API defaults), 0 stays 0. */
export function toRequest(flags: RunFlags): CreateRunRequest {
  const params: RunParams = {};
  if (flags.temperature !== undefined) params.temperature = flags.temperature;
  if (flags.maxTokens !== undefined) params.maxTokens = flags.maxTokens;
  if (flags.topP !== undefined) params.topP = flags.topP;
  if (flags.seed !== undefined) params.seed = flags.seed;
  return {
    prompt: flags.prompt,
    ...(flags.system !== undefined && { system: flags.system }),
    ...(flags.model !== undefined && { model: flags.model }),
    ...(flags.provider !== undefined && { provider: flags.provider }),
    ...(Object.keys(params).length > 0 && { params }),
    ...(flags.metadata !== undefined && { metadata: flags.metadata }),
    ...(flags.idempotencyKey !== undefined && { idempotencyKey: flags.idempotencyKey }),
  };
}
