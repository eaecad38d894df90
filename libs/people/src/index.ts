import './people.personal-data';
import './people.labels';
export * from './person.entity';
export * from './person.planned';
export * from './person.inputs';
export * from './people.service';
export * from './people-merge.service';
export * from './people.module';
export * from './people.resolver';
