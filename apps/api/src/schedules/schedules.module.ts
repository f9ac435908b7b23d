import { Module } from '@nestjs/common';
import { ScheduleTargetCheck } from './schedule-target-check';
import { SCHEDULE_REPOSITORY_PROVIDERS } from './schedules.repository.provider';
import { SchedulesController } from './schedules.controller';
import { CreateScheduleUseCase } from './use-cases/create-schedule.use-case';
import { DeleteScheduleUseCase } from './use-cases/delete-schedule.use-case';
import { SetScheduleEnabledUseCase } from './use-cases/set-schedule-enabled.use-case';
import { UpdateScheduleUseCase } from './use-cases/update-schedule.use-case';

@Module({
  controllers: [SchedulesController],
  providers: [
    ...SCHEDULE_REPOSITORY_PROVIDERS,
    ScheduleTargetCheck,
    CreateScheduleUseCase,
    UpdateScheduleUseCase,
    SetScheduleEnabledUseCase,
    DeleteScheduleUseCase,
  ],
})
export class SchedulesModule {}
