import './commissions.personal-data';
import './commissions.labels';
export * from './commission.entity';
export * from './commission.inputs';
export * from './commission.types';
export * from './commissions.service';
export * from './stakeholders.service';
export * from './commissions.module';
