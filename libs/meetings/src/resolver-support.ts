import { ParseUUIDPipe } from '@nestjs/common';
import { RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';

export const uuid = new ParseUUIDPipe();

/**
 * People behind one relation, with a loader of its own per request. A shared
 * loader would be fed from several async continuations (invitations, agenda,
 * action items…) and batch into one or two statements depending on timing;
 * one loader per relation keeps the count fixed whatever the list size.
 */
export function personVia(people: PeopleService, ctx: RequestContext, relation: string, id: string | null): Promise<Person | null> {
  if (!id) return Promise.resolve(null);
  return peopleVia(ctx, people, relation).load(id);
}

function peopleVia(ctx: RequestContext, people: PeopleService, relation: string) {
  return ctx.loader<string, Person | null>(`meetings.person:${relation}`, async (ids) => (await people.findByIds(ids)).map((p) => p ?? null));
}

/** Hands `personVia` the people of a relation that a read plan fetched. */
export function primePersonVia(ctx: RequestContext, people: PeopleService, relation: string, persons: Person[]): void {
  const loader = peopleVia(ctx, people, relation);
  for (const person of persons) loader.prime(person.id, person);
}
