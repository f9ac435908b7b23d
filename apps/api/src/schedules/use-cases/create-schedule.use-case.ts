import { Injectable } from '@nestjs/common';
import { SchedulesRepository } from '@gtr/data';
import { type ScheduleView, createScheduleSchema, parseOrThrow, timingOf } from '@gtr/domain';
import { nextFireAfter } from '@gtr/engine';
import { ScheduleTargetCheck } from '../schedule-target-check';

export interface CreateScheduleCommand {
  tenantId: string;
  body: unknown;
  /** The clock (tests); default now. */
  now?: Date;
}

/**
 * Validates a schedule (timing, time zone, a target that can start a run), computes its first
 * fire time and stores it. The schedulers pick it up at their next tick.
 */
@Injectable()
export class CreateScheduleUseCase {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly targets: ScheduleTargetCheck,
  ) {}

  async execute(command: CreateScheduleCommand): Promise<ScheduleView> {
    const body = parseOrThrow(createScheduleSchema, command.body);
    const timing = timingOf(body);
    // Also refuses an expression the syntax check lets through but that never fires.
    const firstFire = nextFireAfter(timing, command.now ?? new Date());
    await this.targets.assertStartable(command.tenantId, body.target);
    return this.schedules.create(command.tenantId, {
      name: body.name,
      timing,
      target: body.target,
      enabled: body.enabled,
      overlapPolicy: body.overlapPolicy,
      missedPolicy: body.missedPolicy,
      nextFireAt: body.enabled ? firstFire : null,
    });
  }
}
