import { type Command } from 'commander';
import {
  type CreateScheduleBody,
  SCHEDULE_MISSED_POLICIES,
  SCHEDULE_OVERLAP_POLICIES,
  type ScheduleMissedPolicy,
  type ScheduleOverlapPolicy,
  createScheduleSchema,
  formatInTimeZone,
  parseOrThrow,
  timingOf,
} from '@gtr/domain';
import { previewFires } from '@gtr/engine';
import { choiceOption } from '../args/choice-option';
import { type ScheduleSpec, scheduleSpecOption } from '../args/schedule-spec-option';
import { type ScheduleTargetFlags, targetFromFlags } from '../args/schedule-target-flags';
import { UsageError } from '../args/usage-error';
import { type CliContext } from '../cli-context';
import { formatNextFires } from '../output/format-next-fires';
import { formatZonedTime } from '../output/format-zoned-time';
import { withUploadedTaskFile } from './schedule-task-file';
import { addScheduleTargetOptions } from './schedule-target-options';

interface AddFlags extends ScheduleTargetFlags {
  name: string;
  schedule: ScheduleSpec;
  tz?: string;
  overlap?: ScheduleOverlapPolicy;
  missed?: ScheduleMissedPolicy;
  disabled?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `gtr schedule add -n NAME -s SPEC (--task | --prompt | -i FILE [-o OUT] [--task])`: creates a
 * schedule. With `-i` the task file is uploaded and checked first (see `withUploadedTaskFile`).
 */
export function registerScheduleAddCommand(schedules: Command, ctx: CliContext): void {
  const command = schedules
    .command('add')
    .description(
      'Create a schedule that starts a task, a prompt or a task file batch at cron times or at an interval',
    )
    .requiredOption('-n, --name <name>', 'schedule name (a-z, 0-9, ".", "_", "-")')
    .requiredOption(
      '-s, --schedule <spec>',
      'a cron expression ("0 9 * * MON-FRI", 6 fields with seconds) or "every 5m"',
      scheduleSpecOption('--schedule'),
    );
  addScheduleTargetOptions(command)
    .option('--tz <zone>', 'IANA time zone the cron expression is read in (default UTC)')
    .option(
      '--overlap <policy>',
      `when the previous run is unfinished: ${SCHEDULE_OVERLAP_POLICIES.join(', ')} (default skip)`,
      choiceOption('--overlap', SCHEDULE_OVERLAP_POLICIES),
    )
    .option(
      '--missed <policy>',
      `fire times missed while no scheduler ran: ${SCHEDULE_MISSED_POLICIES.join(', ')} (default skip)`,
      choiceOption('--missed', SCHEDULE_MISSED_POLICIES),
    )
    .option('--disabled', 'create it paused')
    .option('--dry-run', 'check it and show its next fire times without creating it')
    .option('--json', 'print the schedule as JSON')
    .action(async (flags: AddFlags) => {
      const body = toCreateBody(flags);
      if (flags.dryRun) {
        printDryRun(ctx, body, flags.json === true);
        if (flags.input !== undefined && !flags.json) {
          ctx.note(
            `${flags.input} is uploaded and checked when the schedule is created (taskFile is then its id); check it now with: gtr validate -i ${flags.input}${flags.task ? ` --task ${flags.task.task}` : ''}`,
          );
        }
        return;
      }
      const schedule = await withUploadedTaskFile(ctx, flags, (taskFile) =>
        ctx.client().createSchedule(toCreateBody(flags, taskFile), { signal: ctx.signal }),
      );
      if (flags.json) {
        ctx.json(schedule);
        return;
      }
      const next = schedule.nextFireAt ? `next fire ${formatZonedTime(schedule.nextFireAt)}` : 'paused';
      ctx.out(`${schedule.name} created; ${next}`);
    });
}

/** The request body; absent flags stay absent (API defaults). `taskFile`: the uploaded `-i` file's id. */
export function toCreateBody(flags: AddFlags, taskFile?: string): CreateScheduleBody {
  const target = targetFromFlags(flags, taskFile);
  if (!target) {
    throw new UsageError(
      'E_VALIDATION_MISSING_FIELD',
      'say what the schedule runs: --task NAME, --prompt TEXT or -i FILE',
    );
  }
  return {
    name: flags.name,
    ...flags.schedule,
    ...(flags.tz !== undefined && { timezone: flags.tz }),
    target,
    ...(flags.disabled && { enabled: false }),
    ...(flags.overlap !== undefined && { overlapPolicy: flags.overlap }),
    ...(flags.missed !== undefined && { missedPolicy: flags.missed }),
  };
}

/** Checks the body with the API's own rules and prints it with its next fire times. */
function printDryRun(ctx: CliContext, body: CreateScheduleBody, json: boolean): void {
  const parsed = parseOrThrow(createScheduleSchema, body);
  const fires = previewFires(timingOf(parsed), new Date(), 5).map((fire) => ({
    utc: fire.toISOString(),
    local: formatInTimeZone(fire, parsed.timezone),
  }));
  if (json) {
    ctx.json({ request: body, fires });
    return;
  }
  ctx.note(`Dry run: nothing was created. The API would receive:`);
  ctx.out(JSON.stringify(body, null, 2));
  ctx.note('It would fire at:');
  ctx.out(formatNextFires(fires, parsed.timezone));
}
