import './accounts.personal-data';
export * from './account.entity';
export * from './session.entity';
export * from './login-attempt.entity';
export * from './auth.types';
export * from './auth.service';
export * from './accounts.module';
export * from './web/page';
export * from './web/login.controller';
