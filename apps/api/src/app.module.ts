import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { RUNTIME, type Runtime } from '@gtr/server';
import { ApiKeyGuard } from './auth/api-key.guard';
import { BatchesModule } from './batches/batches.module';
import { GtrExceptionFilter } from './common/gtr-exception.filter';
import { RequestLoggerMiddleware } from './common/request-logger.middleware';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { RunsModule } from './runs/runs.module';
import { SchedulesModule } from './schedules/schedules.module';
import { TasksModule } from './tasks/tasks.module';
import { UsageModule } from './usage/usage.module';

@Module({})
export class AppModule implements NestModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [RunsModule, TasksModule, SchedulesModule, UsageModule, BatchesModule],
      controllers: [HealthController, MeController, EventsController],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: GtrExceptionFilter },
      ],
      exports: [RUNTIME],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggerMiddleware).forRoutes('*path');
  }
}
