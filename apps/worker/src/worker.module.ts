import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { RUNTIME, RunWorker, type Runtime } from '@gtr/server';

/** Starts consuming when the context boots; drains in-flight calls when it closes. */
@Injectable()
export class RunWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: RunWorker;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.worker = new RunWorker(runtime);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.worker.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}

@Module({})
export class WorkerModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      providers: [{ provide: RUNTIME, useValue: runtime }, RunWorkerService],
    };
  }
}
