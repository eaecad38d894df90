export * from './seed-data';
export * from './seeder.service';
export * from './seeds.module';
