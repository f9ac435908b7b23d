import { type Command } from 'commander';
import { USAGE_GROUP_BY, type UsageGroupBy } from '@gtr/domain';
import { choiceOption } from '../args/choice-option';
import { type CliContext } from '../cli-context';
import { formatUsageTable } from '../output/format-usage-table';
import { formatUtc } from '../output/format-values';

interface UsageFlags {
  from?: string;
  to?: string;
  groupBy?: UsageGroupBy;
  json?: boolean;
}

/** `gtr usage`: runs, tokens and cost of the tenant over a window, per group and in total. */
export function registerUsageCommand(program: Command, ctx: CliContext): void {
  program
    .command('usage')
    .description(
      'Show runs, tokens and cost over a window (default: the last 30 days), per group and in total',
    )
    .option(
      '--from <date>',
      'start, inclusive: 2026-01-01 (00:00 UTC) or an ISO date-time (default: 30 days before --to)',
    )
    .option(
      '--to <date>',
      'end: a date includes that whole day (UTC); a date-time is exclusive (default: now)',
    )
    .option(
      '--group-by <key>',
      `${USAGE_GROUP_BY.join(', ')} (default day, in UTC)`,
      choiceOption('--group-by', USAGE_GROUP_BY),
    )
    .option('--json', 'print the report as JSON')
    .action(async (flags: UsageFlags) => {
      const report = await ctx
        .client()
        .usage({ from: flags.from, to: flags.to, groupBy: flags.groupBy }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(report);
        return;
      }
      const window = `${formatUtc(report.from)} to ${formatUtc(report.to)}`;
      if (report.totals.runs === 0) {
        ctx.note(`No runs from ${window}.`);
        return;
      }
      ctx.note(
        `Runs created from ${window}, by ${report.groupBy}${report.groupBy === 'day' ? ' (UTC)' : ''}:`,
      );
      ctx.out(formatUsageTable(report));
      const unpriced = report.totals.unpricedRuns;
      if (unpriced > 0) {
        ctx.note(
          `* ${unpriced} succeeded run${unpriced === 1 ? ' has' : 's have'} no known price; COST leaves ${unpriced === 1 ? 'it' : 'them'} out.`,
        );
      }
      if (report.totals.cachedRuns > 0)
        ctx.note('CACHED runs were answered from the response cache: no tokens, no cost.');
    });
}
