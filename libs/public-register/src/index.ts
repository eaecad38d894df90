export * from './commission-publication.entity';
export * from './deliverable-publication.entity';
export * from './public-register.types';
export * from './public-register.inputs';
export * from './public-register.service';
export * from './public-register-feeds';
export * from './public-register.module';
