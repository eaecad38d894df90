import type { PlannedLevel } from '@samverkan/core';
import { Person } from './person.entity';

/**
 * People as a read plan may fetch them with only the columns selected
 * (`plannedProperties`, libs/core): what each of `PeopleResolver`'s field
 * resolvers reads from the person. A field resolver another area adds to
 * `Person` is not listed, so selecting it makes the plan fetch whole rows.
 */
export const PERSON_PLANNED: PlannedLevel = {
  store: 'person.byId',
  typeName: 'Person',
  target: Person,
  always: ['id'],
  reads: {
    email: ['id', 'email'],
    mayEdit: ['id'],
    gender: ['id', 'gender'],
    affiliation: ['affiliationId'],
    mergedInto: ['mergedIntoId'],
    displayName: ['id', 'erasedAt', 'fullName'],
  },
};
