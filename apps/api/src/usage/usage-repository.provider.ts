import { type Provider } from '@nestjs/common';
import { UsageRepository } from '@gtr/data';
import { RUNTIME, type Runtime } from '@gtr/server';

/** The usage repository on the runtime's database pool. */
export const usageRepositoryProvider: Provider = {
  provide: UsageRepository,
  useFactory: (runtime: Runtime) => new UsageRepository(runtime.dataSource),
  inject: [RUNTIME],
};
