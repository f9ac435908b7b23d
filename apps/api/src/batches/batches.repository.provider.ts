import { type Provider } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { RUNTIME, type Runtime } from '@gtr/server';

/** The batches repository on the runtime's database pool. */
export const batchesRepositoryProvider: Provider = {
  provide: BatchesRepository,
  useFactory: (runtime: Runtime) => new BatchesRepository(runtime.dataSource),
  inject: [RUNTIME],
};
