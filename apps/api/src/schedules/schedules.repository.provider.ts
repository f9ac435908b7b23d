import { type Provider } from '@nestjs/common';
import { SchedulesRepository, TaskFilesRepository, TasksRepository } from '@gtr/data';
import { RUNTIME, type Runtime } from '@gtr/server';

/** The schedules, task files and tasks repositories on the process's database. */
export const SCHEDULE_REPOSITORY_PROVIDERS: Provider[] = [
  {
    provide: SchedulesRepository,
    useFactory: (runtime: Runtime) => new SchedulesRepository(runtime.dataSource),
    inject: [RUNTIME],
  },
  {
    provide: TaskFilesRepository,
    useFactory: (runtime: Runtime) => new TaskFilesRepository(runtime.dataSource),
    inject: [RUNTIME],
  },
  {
    provide: TasksRepository,
    useFactory: (runtime: Runtime) => new TasksRepository(runtime.dataSource),
    inject: [RUNTIME],
  },
];
