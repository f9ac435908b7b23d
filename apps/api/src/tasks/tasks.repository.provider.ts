import { type Provider } from '@nestjs/common';
import { TasksRepository } from '@gtr/data';
import { RUNTIME, type Runtime } from '@gtr/server';

/** The tasks repository on the runtime's database pool. */
export const tasksRepositoryProvider: Provider = {
  provide: TasksRepository,
  useFactory: (runtime: Runtime) => new TasksRepository(runtime.dataSource),
  inject: [RUNTIME],
};
