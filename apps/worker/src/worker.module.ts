import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigModule, CoreModule, QueueModule, logStream } from '@samverkan/core';
import { AccessModule } from '@samverkan/access';
import { NotificationsWorkerModule } from '@samverkan/notifications';
import { SeatsModule } from '@samverkan/seats';
import { DeliverablesWorkerModule } from '@samverkan/deliverables';
import { MeetingsModule } from '@samverkan/meetings';
import { ReportsWorkerModule } from '@samverkan/reports';
import { InboundWorkerModule } from '@samverkan/inbound';
import { JobRunner } from './job-runner.service';

/**
 * The worker: the same domain libs as the API, without GraphQL or HTTP, plus
 * the processors and the runner that feeds them from BullMQ. Each area that
 * adds jobs adds its *WorkerModule (or its plain module, for reminder rules) here.
 */
@Module({})
export class WorkerModule {
  static forRoot(overrides: Record<string, string | undefined> = {}, extraModules: Type[] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const stream = logStream(config);
            return { pinoHttp: stream ? [{ level: config.LOG_LEVEL }, stream] : { level: config.LOG_LEVEL } };
          },
        }),
        CoreModule,
        DiscoveryModule,
        QueueModule,
        NotificationsWorkerModule,
        AccessModule,
        // Domain modules register their reminder rules (e.g. seats: terms ending, vacancies).
        SeatsModule,
        DeliverablesWorkerModule,
        MeetingsModule,
        ReportsWorkerModule,
        InboundWorkerModule,
        ...extraModules,
      ],
      providers: [JobRunner],
    };
  }
}
