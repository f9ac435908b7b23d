import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { registerScheduleAddCommand } from './schedule-add.command';
import { registerScheduleDeleteCommand } from './schedule-delete.command';
import { registerScheduleEnableCommand } from './schedule-enable.command';
import { registerScheduleGetCommand } from './schedule-get.command';
import { registerScheduleHistoryCommand } from './schedule-history.command';
import { registerScheduleListCommand } from './schedule-list.command';
import { registerScheduleNextCommand } from './schedule-next.command';
import { registerScheduleUpdateCommand } from './schedule-update.command';

/** `gtr schedule …`: create, inspect, change, pause and delete schedules. */
export function registerScheduleCommand(program: Command, ctx: CliContext): void {
  const schedules = program
    .command('schedule')
    .description('Create and manage schedules (cron or interval) that start runs');
  registerScheduleAddCommand(schedules, ctx);
  registerScheduleListCommand(schedules, ctx);
  registerScheduleGetCommand(schedules, ctx);
  registerScheduleUpdateCommand(schedules, ctx);
  registerScheduleDeleteCommand(schedules, ctx);
  registerScheduleEnableCommand(schedules, ctx, true);
  registerScheduleEnableCommand(schedules, ctx, false);
  registerScheduleNextCommand(schedules, ctx);
  registerScheduleHistoryCommand(schedules, ctx);
}
