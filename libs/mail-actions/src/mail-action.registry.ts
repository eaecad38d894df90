import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale, RequestContext, Translated } from '@samverkan/core';

/** A form field on an action page. Names are the keys of the posted form. */
export type PageField =
  | {
      kind: 'text' | 'email' | 'textarea';
      name: string;
      label: Translated;
      hint?: Translated;
      required?: boolean;
      maxLength?: number;
      /** An HTML autocomplete token, e.g. "name" or "email" (WCAG 1.3.5). */
      autocomplete?: string;
    }
  | {
      kind: 'radio';
      name: string;
      label: Translated;
      hint?: Translated;
      required?: boolean;
      options: { value: string; label: Translated }[];
    }
  | { kind: 'group'; legend: Translated; fields: PageField[] };

/** What an action's loader found: what the page shows and whether the person may still answer. */
export interface LoadedSubject<S> {
  subject: S;
  /** Changes whenever the subject changes in a way that makes an earlier link stale. */
  version: string;
  commissionId: string | null;
  /** False when the person no longer belongs to the subject (removed, replaced). */
  entitled: boolean;
  /** False when the subject no longer takes answers (answered by someone else, withdrawn, past). */
  open: boolean;
}

export type PostedForm = Record<string, string>;

/** The input for the service call, and how its validation paths map back to form fields. */
export interface ParsedAnswer<I> {
  input: I;
  /** e.g. "candidates.1.email" → "c2_email"; undefined: shown at the top only. */
  fieldOf?: (path: string) => string | undefined;
}

/**
 * One action a mail can ask of its reader, in one small definition: the
 * subject it is about, the form, the service call (the same one the GraphQL
 * mutation makes) and the page texts. The pages, links, CSRF and single use
 * are the same for every action (libs/mail-actions).
 */
export interface MailActionDefinition<S = unknown, I extends object = object, Svc = unknown> {
  /** e.g. "nomination.reply"; part of every link. */
  name: string;
  /** The kind of row the action is about, e.g. "nomination_request". */
  subjectType: string;
  /** True for answers that must not be given twice from one link (a nomination, an approval). */
  singleUse: boolean;
  /** Loads the subject as the person sees it. Runs in the caller's transaction when a link is made. */
  load(manager: EntityManager, subjectId: string, personId: string): Promise<LoadedSubject<S> | undefined>;
  /** Page heading and the line under it, in the reader's language. */
  title(subject: S, locale: Locale): string;
  intro(subject: S, locale: Locale): string[];
  /** The form; empty for a plain confirmation. */
  fields(subject: S): PageField[];
  submit: Translated;
  /** Shown after the answer was recorded. */
  done: Translated;
  /** Query parameters a mail button may preselect (e.g. `?answer=yes`). */
  prefill?: string[];
  /** The input class of the GraphQL mutation: validated with the same class-validator rules. */
  inputType: Type<I>;
  parse(form: PostedForm, subject: S, subjectId: string): ParsedAnswer<I>;
  /** The service that owns the change (resolved from the app's container; a thunk, so domain files may import each other) and the call. */
  service: () => Type<Svc>;
  perform(service: Svc, ctx: RequestContext, input: I, subjectId: string): Promise<unknown>;
  /** What the secretariat sees of the answer in `mailAnswers`: choices and counts, no personal data (names live in the domain's rows). */
  summarize(input: I): Record<string, unknown>;
  /** That summary as the secretariat reads it in its language, e.g. "attending" or "2 candidates". */
  describe(summary: Record<string, unknown>, locale: Locale): string;
  /** The action's name in the secretariat's list. */
  label: Translated;
}

const registry = new Map<string, MailActionDefinition<any, any, any>>();

/**
 * Registers an action; each domain does this once per action in its own
 * `*.mail-actions.ts` (like reminder rules), so this lib knows no domain.
 */
export function registerMailAction<S, I extends object, Svc>(definition: MailActionDefinition<S, I, Svc>): MailActionDefinition<S, I, Svc> {
  const existing = registry.get(definition.name);
  if (existing && existing !== definition) throw new Error(`Mail action ${definition.name} is registered twice`);
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(definition.name)) throw new Error(`Mail action name ${definition.name} must look like "area.verb"`);
  registry.set(definition.name, definition);
  return definition;
}

export function mailAction(name: string): MailActionDefinition<any, any, any> | undefined {
  return registry.get(name);
}

export function mailActionNames(): string[] {
  return [...registry.keys()].sort();
}
