import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';

/**
 * Something an area reads about the actor on (almost) every request, fetched by
 * the auth guard's session statement instead of a statement of its own: `select`
 * is a SQL expression over the statement's `$3` (the person's id) whose value
 * (JSON for anything structured) `prime` hands to the area's loader. libs/access
 * registers the actor's roles here, libs/people the actor's own person row: one
 * statement for the session, the roles and the person.
 */
export interface ActorPreload {
  select: string;
  prime(ctx: RequestContext, personId: string, value: unknown): void;
}

@Injectable()
export class ActorPreloads {
  private readonly list: ActorPreload[] = [];

  register(preload: ActorPreload): void {
    this.list.push(preload);
  }

  all(): readonly ActorPreload[] {
    return this.list;
  }
}
