import './seats.personal-data';
import './seats.labels';
export * from './seat.entity';
export * from './seat.inputs';
export * from './seat.types';
export * from './seats.service';
export * from './appointments.service';
export * from './nominations.service';
export * from './seats.module';
