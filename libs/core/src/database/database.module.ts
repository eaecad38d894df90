import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM data source; areas register their entities with TypeOrmModule.forFeature. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config, `samverkan-${process.env.SAMVERKAN_PROCESS ?? 'app'}`),
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
