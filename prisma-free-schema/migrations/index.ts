import { Foundation1732300000000 } from './1732300000000-foundation';

/** Every migration, in order. The CLI, the app and the test template run this list. */
export const migrations = [Foundation1732300000000];
