import { type Command } from 'commander';
import { type ChatMessage, type RunParams, type TaskRetryPolicy } from '@gtr/domain';
import { FileError } from './file-error';
import { numberOption } from './number-option';
import { readJsonFile } from './read-json-file';

/** The flags of `gtr tasks create|update` that describe a task. */
export interface TaskDefinitionFlags {
  prompt?: string;
  messagesFile?: string;
  system?: string;
  description?: string;
  model?: string;
  provider?: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  seed?: number;
  schemaFile?: string;
  tag?: string[];
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

/** The task fields those flags give; absent flags stay absent, 0 stays 0. */
export interface TaskDefinitionFields {
  prompt?: string;
  system?: string;
  /** As the file holds them; the API checks each message. */
  messages?: ChatMessage[];
  description?: string;
  model?: string;
  provider?: string;
  params?: RunParams;
  outputSchema?: Record<string, unknown>;
  tags?: string[];
  retryPolicy?: TaskRetryPolicy;
  timeoutMs?: number;
}

/** Adds the task definition flags to `create` or `update`. */
export function addTaskDefinitionOptions(command: Command): Command {
  return command
    .option('-p, --prompt <text>', 'the user prompt template, with {{variables}}')
    .option(
      '--messages-file <file>',
      'a JSON file with the messages template: [{ "role": …, "content": … }, …]',
    )
    .option('--system <text>', 'a system message template before the prompt')
    .option('--description <text>', 'what the task is for')
    .option('-m, --model <model>', 'model name (default: the API default when a run starts)')
    .option(
      '--provider <name>',
      'provider, e.g. openai or dry-run (default: the API default when a run starts)',
    )
    .option('-t, --temperature <t>', 'sampling temperature, 0-2', numberOption('--temperature'))
    .option('--max-tokens <n>', 'most tokens to generate', numberOption('--max-tokens', { integer: true }))
    .option('--top-p <p>', 'nucleus sampling, 0-1', numberOption('--top-p'))
    .option('--seed <n>', 'sampling seed', numberOption('--seed', { integer: true }))
    .option('--schema-file <file>', 'a JSON file with the JSON Schema the output must match')
    .option('--tag <tag>', 'a tag (repeatable)', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option(
      '--max-attempts <n>',
      'provider calls per run at most, 1-20',
      numberOption('--max-attempts', { integer: true }),
    )
    .option(
      '--base-delay-ms <n>',
      'backoff before the first retry, in ms',
      numberOption('--base-delay-ms', { integer: true }),
    )
    .option(
      '--max-delay-ms <n>',
      'longest backoff between retries, in ms',
      numberOption('--max-delay-ms', { integer: true }),
    )
    .option(
      '--timeout-ms <n>',
      'per-attempt provider timeout, in ms',
      numberOption('--timeout-ms', { integer: true }),
    );
}

/**
 * The task fields of the flags, reading `--messages-file` and `--schema-file`.
 * @throws FileError naming the flag and path when a file is missing, unreadable or not the
 * expected JSON (a list of messages; a schema object).
 */
export async function taskFieldsFromFlags(flags: TaskDefinitionFlags): Promise<TaskDefinitionFields> {
  const fields: TaskDefinitionFields = {};
  if (flags.prompt !== undefined) fields.prompt = flags.prompt;
  if (flags.system !== undefined) fields.system = flags.system;
  if (flags.messagesFile !== undefined) fields.messages = await messagesFile(flags.messagesFile);
  if (flags.description !== undefined) fields.description = flags.description;
  if (flags.model !== undefined) fields.model = flags.model;
  if (flags.provider !== undefined) fields.provider = flags.provider;
  const params = definedOnly<RunParams>({
    temperature: flags.temperature,
    maxTokens: flags.maxTokens,
    topP: flags.topP,
    seed: flags.seed,
  });
  if (params) fields.params = params;
  if (flags.schemaFile !== undefined) fields.outputSchema = await schemaFile(flags.schemaFile);
  if (flags.tag !== undefined) fields.tags = flags.tag;
  const retryPolicy = definedOnly<TaskRetryPolicy>({
    maxAttempts: flags.maxAttempts,
    baseDelayMs: flags.baseDelayMs,
    maxDelayMs: flags.maxDelayMs,
  });
  if (retryPolicy) fields.retryPolicy = retryPolicy;
  if (flags.timeoutMs !== undefined) fields.timeoutMs = flags.timeoutMs;
  return fields;
}

async function messagesFile(path: string): Promise<ChatMessage[]> {
  const messages = await readJsonFile(path, '--messages-file');
  if (!Array.isArray(messages)) {
    throw new FileError(
      'E_FILE_FORMAT',
      `--messages-file: ${path} must hold a JSON array of messages`,
      'Write the messages as [{ "role": "user", "content": "…" }].',
    );
  }
  return messages as ChatMessage[];
}

async function schemaFile(path: string): Promise<Record<string, unknown>> {
  const schema = await readJsonFile(path, '--schema-file');
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new FileError(
      'E_FILE_FORMAT',
      `--schema-file: ${path} must hold a JSON Schema object`,
      'Write the schema as { "type": "object", … }.',
    );
  }
  return schema as Record<string, unknown>;
}

/** The object without its undefined values, or undefined when none is left. */
function definedOnly<T extends object>(values: { [K in keyof T]?: T[K] | undefined }): T | undefined {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
