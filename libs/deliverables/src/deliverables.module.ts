import { DocumentsProcessor } from './documents.processor';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { CommissionsModule } from '@samverkan/commissions';
import { MailActionsModule } from '@samverkan/mail-actions';
import { MailModule } from '@samverkan/mail';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { StrategiesModule } from '@samverkan/strategies';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { DeliverableDeadlineChange } from './deliverable-deadline-change.entity';
import { Deliverable } from './deliverable.entity';
import { DeliverableGoal } from './deliverable-goal.entity';
import { DeliverableObjective } from './deliverable-objective.entity';
import { DocumentVersion } from './document-version.entity';
import { DOCUMENT_STORAGE, LocalDocumentStorage } from './document-storage';
import { DeliverablesController } from './deliverables.controller';
import { CommissionDeliverablesResolver, DeadlineChangeResolver, DeliverablesResolver, DocumentVersionResolver, GoalDeliverablesResolver, ReviewerSuggestionResolver } from './deliverables.resolver';
import { DeliverablesService } from './deliverables.service';
import { DocumentsService } from './documents.service';
import { ReviewAnswer } from './review-answer.entity';
import { ReviewComment } from './review-comment.entity';
import { ReviewReviewer } from './review-reviewer.entity';
import { ReviewRound } from './review.entity';
import { ReviewAnswerResolver, ReviewCommentResolver, ReviewReviewerResolver, ReviewRoundResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';
import { MyReviewsResolver } from './my-reviews.resolver';
import { MyReviewsService } from './my-reviews.service';

/**
 * Deliverables, document versions and review rounds: the services (API and
 * worker; importing it registers the reminder rules). Documents are stored
 * under DATA_DIR/documents; bind DOCUMENT_STORAGE to another DocumentStorage
 * (e.g. an S3-compatible one) to store them elsewhere.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Deliverable, DeliverableGoal, DeliverableObjective, DeliverableDeadlineChange, DocumentVersion, ReviewRound, ReviewReviewer, ReviewAnswer, ReviewComment]),
    CommissionsModule,
    WorkingGroupsModule,
    StrategiesModule,
    PeopleModule,
    OrganisationsModule,
    MailModule,
    MailActionsModule,
  ],
  providers: [
    DeliverablesService,
    DocumentsService,
    ReviewsService,
    {
      provide: DOCUMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new LocalDocumentStorage(path.resolve(config.DATA_DIR, 'documents'), {
          crashAfterWrite: config.NODE_ENV === 'test' && process.env.SAMVERKAN_TEST_CRASH_AFTER_DOCUMENT_WRITE === '1',
        }),
    },
  ],
  exports: [DeliverablesService, DocumentsService, ReviewsService, DOCUMENT_STORAGE],
})
export class DeliverablesModule {}

/** The deliverables' jobs (the orphan-file sweep); only the worker imports it. */
@Module({ imports: [DeliverablesModule], providers: [DocumentsProcessor] })
export class DeliverablesWorkerModule {}

/** The GraphQL and HTTP face of deliverables; only the API imports it. */
@Module({
  imports: [DeliverablesModule, CommissionsModule, WorkingGroupsModule, PeopleModule, OrganisationsModule],
  providers: [
    DeliverablesResolver,
    ReviewerSuggestionResolver,
    DeadlineChangeResolver,
    GoalDeliverablesResolver,
    CommissionDeliverablesResolver,
    DocumentVersionResolver,
    ReviewRoundResolver,
    ReviewReviewerResolver,
    ReviewAnswerResolver,
    ReviewCommentResolver,
    MyReviewsService,
    MyReviewsResolver,
  ],
  controllers: [DeliverablesController],
})
export class DeliverablesApiModule {}
