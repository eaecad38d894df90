import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, AuditApiModule, AuthGuard, ConfigModule, CoreModule, EnumLabelsApiModule } from '@samverkan/core';
import { AccessModule } from '@samverkan/access';
import { AccountsApiModule } from '@samverkan/accounts';
import { CommissionsApiModule } from '@samverkan/commissions';
import { OrganisationsApiModule } from '@samverkan/organisations';
import { PeopleApiModule } from '@samverkan/people';
import { SeatGridApiModule, SeatsApiModule } from '@samverkan/seats';
import { StrategiesApiModule } from '@samverkan/strategies';
import { WorkingGroupsApiModule } from '@samverkan/working-groups';
import { NotificationsApiModule } from '@samverkan/notifications';
import { ReportsApiModule } from '@samverkan/reports';
import { MailActionsApiModule } from '@samverkan/mail-actions';
import { PrivacyApiModule } from '@samverkan/privacy';
import { DeliverablesApiModule } from '@samverkan/deliverables';
import { MeetingsApiModule } from '@samverkan/meetings';
import { InboundApiModule } from '@samverkan/inbound';
import { PublicRegisterApiModule } from '@samverkan/public-register';
import { graphqlOptions } from './graphql/graphql-options';
import { loggerOptions } from './http/logger-options';
import { GraphiqlController } from './http/graphiql.controller';
import { HealthController, RedisHealthIndicator } from './http/health.controller';

/** The API: GraphQL, health, GraphiQL; each area adds its *ApiModule here. */
@Module({})
export class AppModule {
  static forRoot(overrides: Record<string, string | undefined> = {}, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => loggerOptions(config) }),
        CoreModule,
        TerminusModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => graphqlOptions(config),
        }),
        AuditApiModule,
        EnumLabelsApiModule,
        AccessModule,
        AccountsApiModule,
        PeopleApiModule,
        OrganisationsApiModule,
        StrategiesApiModule,
        CommissionsApiModule,
        WorkingGroupsApiModule,
        SeatsApiModule,
        SeatGridApiModule,
        NotificationsApiModule,
        ReportsApiModule,
        MailActionsApiModule,
        PrivacyApiModule,
        DeliverablesApiModule,
        MeetingsApiModule,
        InboundApiModule,
        PublicRegisterApiModule,
        ...extraModules,
      ],
      controllers: [HealthController, GraphiqlController],
      providers: [RedisHealthIndicator, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
