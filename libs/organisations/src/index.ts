import './organisations.labels';
export * from './organisation.entity';
export * from './organisation.planned';
export * from './region.entity';
export * from './regions.service';
export * from './organisation.inputs';
export * from './organisations.service';
export * from './organisations.module';
