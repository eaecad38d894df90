import type { PlannedLevel } from '@samverkan/core';
import { Organisation } from './organisation.entity';

/**
 * Organisations as a read plan may fetch them with only the columns selected
 * (`plannedProperties`, libs/core): what each of `OrganisationsResolver`'s field
 * resolvers reads. A field resolver another area adds is not listed, so
 * selecting it makes the plan fetch whole rows.
 */
export const ORGANISATION_PLANNED: PlannedLevel = {
  store: 'organisation.byId',
  typeName: 'Organisation',
  target: Organisation,
  always: ['id'],
  reads: {
    region: ['regionCode'],
    parent: ['parentId'],
    email: ['email'],
  },
};
