import './mail-actions.personal-data';
export * from './mail-action.registry';
export * from './mail-link.service';
export * from './mail-link-use.entity';
export * from './mail-button';
export * from './mail-actions.messages';
export * from './mail-actions.module';
export { page, text } from './mail-action.page';
