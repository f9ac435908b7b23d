import { type Command } from 'commander';
import {
  SCHEDULE_MISSED_POLICIES,
  SCHEDULE_OVERLAP_POLICIES,
  type ScheduleMissedPolicy,
  type ScheduleOverlapPolicy,
  type UpdateScheduleBody,
} from '@gtr/domain';
import { choiceOption } from '../args/choice-option';
import { type ScheduleSpec, scheduleSpecOption } from '../args/schedule-spec-option';
import { type ScheduleTargetFlags, targetFromFlags } from '../args/schedule-target-flags';
import { UsageError } from '../args/usage-error';
import { type CliContext } from '../cli-context';
import { formatZonedTime } from '../output/format-zoned-time';
import { withUploadedTaskFile } from './schedule-task-file';
import { addScheduleTargetOptions } from './schedule-target-options';

interface UpdateFlags extends ScheduleTargetFlags {
  schedule?: ScheduleSpec;
  tz?: string;
  overlap?: ScheduleOverlapPolicy;
  missed?: ScheduleMissedPolicy;
  json?: boolean;
}

/** `gtr schedule update NAME [flags]`: changes the given fields of a schedule. */
export function registerScheduleUpdateCommand(schedules: Command, ctx: CliContext): void {
  const command = schedules
    .command('update')
    .description('Change a schedule: its timing, time zone, target or policies')
    .argument('<name>', 'schedule name')
    .option('-s, --schedule <spec>', 'a new cron expression or "every 5m"', scheduleSpecOption('--schedule'));
  addScheduleTargetOptions(command)
    .option('--tz <zone>', 'a new IANA time zone')
    .option(
      '--overlap <policy>',
      SCHEDULE_OVERLAP_POLICIES.join(', '),
      choiceOption('--overlap', SCHEDULE_OVERLAP_POLICIES),
    )
    .option(
      '--missed <policy>',
      SCHEDULE_MISSED_POLICIES.join(', '),
      choiceOption('--missed', SCHEDULE_MISSED_POLICIES),
    )
    .option('--json', 'print the schedule as JSON')
    .action(async (name: string, flags: UpdateFlags) => {
      toUpdateBody(flags);
      const schedule = await withUploadedTaskFile(ctx, flags, (taskFile) =>
        ctx.client().updateSchedule(name, toUpdateBody(flags, taskFile), { signal: ctx.signal }),
      );
      if (flags.json) ctx.json(schedule);
      else
        ctx.out(
          `${schedule.name} updated; ${schedule.nextFireAt ? `next fire ${formatZonedTime(schedule.nextFireAt)}` : 'paused'}`,
        );
    });
}

/** The change; a target flag replaces the whole target. `taskFile`: the uploaded `-i` file's id. */
export function toUpdateBody(flags: UpdateFlags, taskFile?: string): UpdateScheduleBody {
  const target = targetFromFlags(flags, taskFile);
  const body: UpdateScheduleBody = {
    ...flags.schedule,
    ...(flags.tz !== undefined && { timezone: flags.tz }),
    ...(target && { target }),
    ...(flags.overlap !== undefined && { overlapPolicy: flags.overlap }),
    ...(flags.missed !== undefined && { missedPolicy: flags.missed }),
  };
  if (Object.keys(body).length === 0) {
    throw new UsageError(
      'E_VALIDATION_MISSING_FIELD',
      'nothing to change: give -s, --tz, a target (--task, --prompt, -i), --overlap or --missed',
    );
  }
  return body;
}
