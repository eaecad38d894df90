import './working-groups.personal-data';
import './working-groups.labels';
export * from './working-group.entity';
export * from './working-group.inputs';
export * from './working-groups.service';
export * from './working-groups.module';
export * from './working-group-permissions.type';
