import { Injectable } from '@nestjs/common';
import { JobHandler, JobOutcome } from '@samverkan/core';
import { DocumentsService } from './documents.service';

/**
 * Worker side of documents: hourly (and at start) removes stored files that no
 * version row refers to, which only a crash between writing the file and
 * committing its row can leave behind. Files younger than an hour are left alone,
 * so an upload in progress is never touched.
 */
@Injectable()
export class DocumentsProcessor {
  constructor(private readonly documents: DocumentsService) {}

  @JobHandler('documents.sweep-orphans', { every: () => 3_600_000, atStart: true })
  async sweepOrphans(): Promise<JobOutcome> {
    const removed = await this.documents.sweepOrphans();
    return { status: 'done', removed: removed.length };
  }
}
