import { type Command } from 'commander';
import { errorInfo, type FieldIssue } from '@gtr/domain';
import {
  validateTaskFile,
  type TaskFileFormat,
  type TaskFileMode,
  type TaskFileReport,
} from '@gtr/task-files';
import { UsageError } from '../args/usage-error';
import { type CliContext } from '../cli-context';
import { formatError } from '../output/format-error';

interface ValidateFlags {
  input: string;
  task?: string;
  vars?: string[];
  format?: TaskFileFormat;
  json?: boolean;
}

/** What `getTask` is expected to answer, as far as this command needs it. */
interface TaskVariables {
  variables?: unknown;
}

type TaskFetcher = (
  name: string,
  version?: number,
  options?: { signal?: AbortSignal },
) => Promise<TaskVariables>;

/**
 * `gtr validate -i FILE [--task NAME | --vars a,b,c] [--json]`: checks a task file row by row,
 * locally, without running anything. Exit 0 when every row is valid, 30-32 when some are not,
 * 20-22 when the file cannot be found, read or parsed.
 */
export function registerValidateCommand(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('Check a task file (CSV or JSONL) row by row without running it')
    .requiredOption('-i, --input <file>', 'the task file: .csv, .jsonl or .ndjson')
    .option(
      '--task <name>',
      'check each row as the input variables of this task (fetched from the API unless --vars is given)',
    )
    .option('--vars <names>', "the task's variables, comma-separated, e.g. name,topic", variableList)
    .option('--format <format>', 'csv or jsonl (default: from the file extension)', formatOption)
    .option('--json', 'print the report as JSON')
    .action(async (flags: ValidateFlags) => {
      const mode = await modeOf(ctx, flags);
      const report = await validateTaskFile(flags.input, { ...mode, format: flags.format });
      ctx.exitCode = report.code ? errorInfo(report.code).exitCode : 0;
      if (flags.json) {
        ctx.json(report);
        return;
      }
      if (report.ignoredFields.length)
        ctx.note(
          `Ignored ${report.format === 'csv' ? 'columns' : 'keys'}: ${report.ignoredFields.join(', ')}`,
        );
      if (!report.code) {
        ctx.out(`${rows(report.valid)} valid`);
        return;
      }
      for (const issue of report.issues) ctx.out(formatIssue(issue));
      if (report.moreIssues) ctx.out(`… and ${report.moreIssues} more`);
      ctx.err(formatError({ code: report.code, message: summary(report) }, ctx.secrets()));
    });
}

/** `row 12, field temperature: must be <= 2`; an issue about the whole row names no field. */
export function formatIssue(issue: FieldIssue): string {
  const where = issue.field === '(row)' ? `row ${issue.row}` : `row ${issue.row}, field ${issue.field}`;
  return `${where}: ${issue.message}`;
}

async function modeOf(ctx: CliContext, flags: ValidateFlags): Promise<TaskFileMode> {
  if (flags.vars) return { mode: 'task', variables: flags.vars };
  if (flags.task === undefined) return { mode: 'adhoc' };
  const client = ctx.client() as unknown as { getTask?: TaskFetcher };
  if (typeof client.getTask !== 'function') {
    throw new UsageError(
      'E_VALIDATION_MISSING_FIELD',
      `--task needs --vars: this API client cannot fetch task "${flags.task}"; list its variables, e.g. --vars name,topic`,
    );
  }
  const task = await client.getTask(flags.task, undefined, { signal: ctx.signal });
  const variables = task.variables;
  if (!Array.isArray(variables) || !variables.every((name) => typeof name === 'string')) {
    throw new UsageError(
      'E_VALIDATION_MISSING_FIELD',
      `The API did not say which variables task "${flags.task}" uses; list them with --vars name,topic`,
    );
  }
  return { mode: 'task', variables };
}

function summary(report: TaskFileReport): string {
  const issues = report.issues.length + report.moreIssues;
  return `${report.invalid} of ${rows(report.total)} invalid (${issues} issue${issues === 1 ? '' : 's'})`;
}

function rows(count: number): string {
  return `${count} row${count === 1 ? '' : 's'}`;
}

function variableList(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new UsageError('E_VALIDATION_TYPE', '--vars must list variable names, e.g. --vars name,topic');
  return [...new Set(names)];
}

function formatOption(value: string): TaskFileFormat {
  const format = value.trim().toLowerCase();
  if (format === 'csv') return 'csv';
  if (format === 'jsonl' || format === 'ndjson') return 'jsonl';
  throw new UsageError('E_VALIDATION_TYPE', '--format must be csv or jsonl');
}
