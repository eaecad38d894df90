import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext, UnauthenticatedError, readPlain } from '@samverkan/core';
import { MyReview } from './my-reviews.types';

/** Reviews waiting for the signed-in person (My page): one read, combined with My page's other lists (readPlain); only rounds that name them. */
@Injectable()
export class MyReviewsService {
  constructor(private readonly dataSource: DataSource) {}

  async waiting(ctx: RequestContext): Promise<MyReview[]> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return readPlain<MyReview>(ctx, this.dataSource, {
      sql: `SELECT rr.id AS "reviewRoundId", d.id AS "deliverableId", d.title AS "deliverableTitle", rr.deadline::text AS deadline, v.number AS "versionNumber"
         FROM review_reviewer rv
         JOIN review_round rr ON rr.id = rv.round_id AND rr.status = 'open'
         JOIN deliverable d ON d.id = rr.deliverable_id
         JOIN document_version v ON v.id = rr.version_id
        WHERE rv.person_id = $1
          AND NOT EXISTS (SELECT 1 FROM review_answer ra WHERE ra.round_id = rr.id AND ra.person_id = $1)
        ORDER BY rr.deadline, d.title
        LIMIT 50`,
      params: [ctx.actor.personId],
    });
  }
}
