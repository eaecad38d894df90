export * from './strategy.entity';
export * from './priority-area.entity';
export * from './goal.entity';
export * from './strategy.inputs';
export * from './strategies.service';
export * from './strategies.module';
