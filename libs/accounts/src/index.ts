import './accounts.personal-data';
export * from './account.entity';
export * from './auth.types';
export * from './auth.service';
export * from './accounts.module';
