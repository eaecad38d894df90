import './deliverables.personal-data';
import './deliverables.labels';
export * from './deliverable.entity';
export * from './review.entity';
export * from './deliverable-health';
export * from './deliverable-workflow';
export * from './deliverable.inputs';
export * from './document-storage';
export * from './media-type';
export * from './deliverables.service';
export * from './documents.service';
export * from './reviews.service';
export * from './exports';
export * from './deliverables.messages';
export * from './deliverables.module';
// Last: the mail action names the service above (the service names it by constant only).
export * from './deliverables.mail-actions';
