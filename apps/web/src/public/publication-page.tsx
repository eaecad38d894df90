import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BackToCommission } from '../commissions/back-to-commission';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { clearDraft, readDraft, saveDraft, signInPath } from '../core/session';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { PublicationPage as PublicationQuery, SetPublication } from './publication-page.operations';

type Mode = 'NONE' | 'ALL_DELIVERED' | 'CHOSEN';
const MODES: Mode[] = ['NONE', 'ALL_DELIVERED', 'CHOSEN'];

interface Choice {
  published: boolean;
  mandate: boolean;
  groups: boolean;
  organisations: boolean;
  memberNames: boolean;
  deliverables: Mode;
  chosen: string[];
  openEvents: boolean;
}

/** The secretariat's choice of what a commission's public register shows. */
export function PublicationPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const query = useQuery(PublicationQuery, { id: commissionId });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const p = query.data.commissionPublication;
  return (
    <PublicationForm
      commissionId={commissionId}
      title={p.title}
      deliverables={p.allDeliverables}
      initial={{
        published: p.published,
        mandate: p.mandate,
        groups: p.groups,
        organisations: p.organisations,
        memberNames: p.memberNames,
        deliverables: p.deliverables,
        chosen: p.allDeliverables.filter((d) => d.chosen).map((d) => d.id),
        openEvents: p.openEvents,
      }}
    />
  );
}

function PublicationForm({ commissionId, title, deliverables, initial }: { commissionId: string; title: string; deliverables: { id: string; title: string; dueOn: string; groupName: string | null }[]; initial: Choice }) {
  const { t, date } = useI18n();
  const draftKey = `publication:${commissionId}`;
  const [choice, setChoice] = useState<Choice>(() => readDraft<Choice>(draftKey) ?? initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [published, setPublished] = useState(initial.published);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  function change(next: Partial<Choice>) {
    const value = { ...choice, ...next };
    setChoice(value);
    saveDraft(draftKey, value);
  }

  function check(c: Choice): FieldError[] {
    const found: FieldError[] = [];
    if (c.organisations && !c.groups) found.push({ field: 'organisations', message: t('public.settings.needGroups') });
    if (c.memberNames && !c.organisations) found.push({ field: 'memberNames', message: t('public.settings.needOrganisations') });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(choice);
    setErrors(found);
    setStatus(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { chosen, ...rest } = choice;
      const result = await request(SetPublication, { input: { commissionId, ...rest, chosenDeliverableIds: choice.deliverables === 'CHOSEN' ? chosen : [] } });
      clearDraft(draftKey);
      setPublished(result.setCommissionPublication.published);
      setStatus({ text: t('public.settings.saved'), error: false });
    } catch (error) {
      const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
      if (failed.kind === 'unauthenticated') {
        window.location.assign(signInPath());
        return;
      }
      if (failed.kind === 'bad-input' && failed.errors.some((e) => e.fields?.length)) {
        setErrors(failed.errors.flatMap((e) => (e.fields ?? []).map((field) => ({ field: field === 'chosenDeliverableIds' ? 'deliverables-NONE' : field, message: e.message }))));
      } else {
        setStatus({ text: failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })), error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const box = (field: 'published' | 'mandate' | 'groups' | 'organisations' | 'memberNames' | 'openEvents', label: MessageKey) => {
    const error = errorOf(field);
    return (
      <div>
        <label className="choice">
          <input type="checkbox" id={field} checked={choice[field]} aria-invalid={error ? true : undefined} aria-describedby={error ? `${field}-error` : undefined} onChange={(e) => change({ [field]: e.target.checked })} />
          {t(label)}
        </label>
        {error && (
          <p className="field-error" id={`${field}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <>
      <Heading>{t('public.settings.title', { title })}</Heading>
      <BackToCommission id={commissionId} title={title} />
      <p>{t('public.settings.intro')}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <form onSubmit={submit} noValidate>
        <div className="checks">{box('published', 'public.settings.published')}</div>
        <fieldset>
          <legend>{t('public.settings.parts')}</legend>
          <div className="checks">
            {box('mandate', 'public.settings.mandate')}
            {box('groups', 'public.settings.groups')}
            {box('organisations', 'public.settings.organisations')}
            {box('memberNames', 'public.settings.memberNames')}
            {box('openEvents', 'public.settings.openEvents')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('public.settings.deliverables')}</legend>
          <div className="checks">
            {MODES.map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="deliverables" id={`deliverables-${mode}`} value={mode} checked={choice.deliverables === mode} onChange={() => change({ deliverables: mode })} />
                {t(`public.settings.${mode}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        {choice.deliverables === 'CHOSEN' && (
          <fieldset>
            <legend>{t('public.settings.choose')}</legend>
            {deliverables.length === 0 ? (
              <p>{t('public.settings.noDeliverables')}</p>
            ) : (
              <div className="checks">
                {deliverables.map((d) => (
                  <label key={d.id} className="choice">
                    <input
                      type="checkbox"
                      checked={choice.chosen.includes(d.id)}
                      onChange={(e) => change({ chosen: e.target.checked ? [...choice.chosen, d.id] : choice.chosen.filter((id) => id !== d.id) })}
                    />
                    <span>
                      {d.title}
                      <span className="secondary">
                        {' '}
                        ({[d.groupName, t('public.settings.due', { date: date(`${d.dueOn}T12:00:00Z`) })].filter(Boolean).join(', ')})
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        <button type="submit" disabled={busy}>
          {t('public.settings.save')}
        </button>
        <p role="status" className={status?.error ? 'field-error' : 'saved'}>
          {status?.text}
        </p>
      </form>
      <p>{published ? <Link to="/public/commissions/$commissionId" params={{ commissionId }}>{t('public.settings.view')}</Link> : t('public.settings.notPublished')}</p>
    </>
  );
}
