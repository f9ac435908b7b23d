import { Module } from '@nestjs/common';
import { ScheduleTargetCheck } from './schedule-target-check';
import { SCHEDULE_REPOSITORY_PROVIDERS } from './schedules.repository.provider';
import { SchedulesController } from './schedules.controller';
import { TaskFilesController } from './task-files.controller';
import { CreateScheduleUseCase } from './use-cases/create-schedule.use-case';
import { DeleteScheduleUseCase } from './use-cases/delete-schedule.use-case';
import { SetScheduleEnabledUseCase } from './use-cases/set-schedule-enabled.use-case';
import { UpdateScheduleUseCase } from './use-cases/update-schedule.use-case';
import { UploadTaskFileUseCase } from './use-cases/upload-task-file.use-case';

@Module({
  controllers: [SchedulesController, TaskFilesController],
  providers: [
    ...SCHEDULE_REPOSITORY_PROVIDERS,
    ScheduleTargetCheck,
    CreateScheduleUseCase,
    UpdateScheduleUseCase,
    SetScheduleEnabledUseCase,
    DeleteScheduleUseCase,
    UploadTaskFileUseCase,
  ],
})
export class SchedulesModule {}
