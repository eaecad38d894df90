export * from './strategy.entity';
export * from './strategy.inputs';
export * from './strategies.service';
export * from './strategies.module';
