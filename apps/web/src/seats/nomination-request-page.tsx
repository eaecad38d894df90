import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, OfflineNotice, asFailure, signInAgain, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { clearDraft, readDraft, saveDraft } from '../core/session';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { NominationRequestPage as NominationRequestQuery, SearchPeople, SubmitNomination } from './nomination-request-page.operations';

type Gender = 'WOMAN' | 'MAN' | 'OTHER';
interface Candidate {
  /** A person picked from the register (secretariat), else a name and address. */
  personId: string | null;
  pickedName: string;
  fullName: string;
  email: string;
  gender: Gender | '';
  perspective: string;
}
interface Draft {
  candidates: Candidate[];
  reason: string;
}
const EMPTY: Candidate = { personId: null, pickedName: '', fullName: '', email: '', gender: '', perspective: '' };

/** How many candidates the form offers: a woman and a man per seat where the gender rule applies (as the mail's page). */
const rowsFor = (seats: number, pair: boolean) => Math.max(1, Math.min(10, seats * (pair ? 2 : 1)));

/**
 * A nomination request to an organisation, for its contact: what is asked (group,
 * seats, deadline, the rule that applies), the nominations already sent, and the
 * form to nominate with `submitNomination`. What is typed is kept in this tab
 * when the connection drops or the session ends.
 */
export function NominationRequestPage() {
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const { t, date } = useI18n();
  const query = useQuery(NominationRequestQuery, { id: requestId });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  const [notice, setNotice] = useState<string | null>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const r = query.data.nominationRequest;
  const a = r.allocation;
  const day = (iso: string) => date(`${iso}T12:00:00Z`);
  return (
    <>
      <Heading>{t('nominate.title', { group: a.workingGroup.name })}</Heading>
      <p>{t('nominate.asked', { organisation: r.organisation.name, count: r.seatsRequested, group: a.workingGroup.name })}</p>
      <dl className="facts">
        <dt>{t('nominate.commission')}</dt>
        <dd>{a.workingGroup.commission.title}</dd>
        <dt>{t('nominate.seats')}</dt>
        <dd>
          {t('nominate.seatCount', { count: r.seatsRequested })} · {t(`nominate.role.${a.role}`)}
        </dd>
        <dt>{t('nominate.deadline')}</dt>
        <dd>{day(r.deadline)}</dd>
        <dt>{t('nominate.status')}</dt>
        <dd>{t(`nominate.status.${r.status}`)}</dd>
      </dl>
      {(a.requiresGenderPair || a.requiredPerspective) && (
        <section aria-labelledby="rule">
          <h2 id="rule">{t('nominate.rules')}</h2>
          <ul className="items">
            {a.requiresGenderPair && <li>{t('nominate.pairRule', { count: r.seatsRequested })}</li>}
            {a.requiredPerspective && <li>{t('nominate.perspectiveRule', { perspective: a.requiredPerspective })}</li>}
          </ul>
        </section>
      )}
      {r.message && (
        <p className="prewrap">
          {t('nominate.message')}: {r.message}
        </p>
      )}
      {notice && (
        <p role="status" className="saved">
          {notice}
        </p>
      )}
      <section aria-labelledby="sent">
        <h2 id="sent">{t('nominate.sent')}</h2>
        {r.nominations.length === 0 ? (
          <p className="secondary">{t('nominate.noneSent')}</p>
        ) : (
          <ul className="items">
            {r.nominations.map((n) => (
              <li key={n.id}>
                {n.candidates.map((c) => c.displayName).join(', ')}
                {!n.compliesWithGenderRule && n.genderRuleReason && <div className="secondary">{t('nominate.reasonGiven', { reason: n.genderRuleReason })}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {r.status === 'SENT' ? (
        <NominationForm
          requestId={r.id}
          rows={rowsFor(r.seatsRequested, a.requiresGenderPair)}
          seats={r.seatsRequested}
          pair={a.requiresGenderPair}
          perspective={a.requiredPerspective ?? null}
          register={r.mayPickFromRegister}
          onSent={() => {
            setNotice(t('nominate.done'));
            query.reload();
          }}
        />
      ) : (
        <p className="notice">{t(r.status === 'ANSWERED' ? 'nominate.answered' : 'nominate.withdrawn')}</p>
      )}
    </>
  );
}

function NominationForm({ requestId, rows, seats, pair, perspective, register, onSent }: { requestId: string; rows: number; seats: number; pair: boolean; perspective: string | null; register: boolean; onSent(): void }) {
  const { t } = useI18n();
  const key = `nominate:${requestId}`;
  const [draft, setDraft] = useState<Draft>(() => {
    const kept = readDraft<Draft>(key);
    const candidates = Array.from({ length: rows }, (_, i) => ({ ...EMPTY, ...kept?.candidates?.[i] }));
    return { candidates, reason: kept?.reason ?? '' };
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  // The summary takes the focus once it is on the page with the new errors.
  useEffect(() => {
    if (errors.length) summary.current?.focus();
  }, [errors]);

  function change(next: Draft) {
    setDraft(next);
    saveDraft(key, next);
  }
  const setCandidate = (i: number, patch: Partial<Candidate>) => change({ ...draft, candidates: draft.candidates.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  /** Where a server error belongs: the field its path names, else the reason (the gender rule), else the first name. */
  function fieldOf(path: string | undefined, filled: number[]): string {
    const match = path && /^candidates\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (match) {
      const row = filled[Number(match[1])] ?? 0;
      const name = match[2] === 'email' ? 'email' : match[2] === 'gender' ? 'gender' : match[2] === 'perspective' ? 'perspective' : 'name';
      return name === 'gender' ? `c${row}-gender-WOMAN` : `c${row}-${name}`;
    }
    if (path === 'genderRuleReason' || pair) return 'reason';
    return 'c0-name';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOffline(false);
    const filled = draft.candidates.map((c, i) => (c.personId || c.fullName.trim() || c.email.trim() ? i : -1)).filter((i) => i >= 0);
    const found: FieldError[] = [];
    if (filled.length === 0) found.push({ field: 'c0-name', message: t('nominate.atLeastOne') });
    for (const i of filled) {
      const c = draft.candidates[i];
      if (!c.personId && !c.fullName.trim()) found.push({ field: `c${i}-name`, message: t('form.required', { field: t('nominate.nameOf', { n: i + 1 }) }) });
    }
    if (found.length === 0) {
      setBusy(true);
      try {
        const candidates = filled.map((i) => {
          const c = draft.candidates[i];
          const common = { gender: c.gender || null, perspective: c.perspective.trim() || null };
          return c.personId ? { personId: c.personId, ...common } : { fullName: c.fullName.trim(), email: c.email.trim() || null, ...common };
        });
        await request(SubmitNomination, { input: { requestId, candidates, genderRuleReason: draft.reason.trim() || null } });
        clearDraft(key);
        setErrors([]);
        onSent();
        return;
      } catch (error) {
        const failed = asFailure(error);
        if (failed.kind === 'unauthenticated') return signInAgain();
        if (failed.kind === 'network') {
          setOffline(true);
          setErrors([]);
          return;
        }
        const e = failed.errors[0];
        const path = e?.fields?.[0] ?? (typeof e?.details?.path === 'string' ? e.details.path : undefined);
        found.push({ field: failed.kind === 'bad-input' ? fieldOf(path, filled) : 'c0-name', message: e?.message ?? t('app.failed', { code: failed.kind }) });
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
  }

  const invalid = (field: string) => (errorOf(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {});
  const fieldError = (field: string) =>
    errorOf(field) && (
      <p id={`${field}-error`} className="field-error">
        {errorOf(field)!.message}
      </p>
    );

  return (
    <section aria-labelledby="nominate">
      <h2 id="nominate">{t('nominate.form')}</h2>
      <ErrorSummary ref={summary} errors={errors} />
      <OfflineNotice onRetry={offline ? () => form.current?.requestSubmit() : null} />
      <form ref={form} noValidate onSubmit={submit}>
        <p className="secondary">{register ? t('nominate.registerIntro') : t('nominate.addressIntro')}</p>
        {draft.candidates.map((c, i) => (
          <fieldset key={i} className="candidate">
            <legend>{t('nominate.candidate', { n: i + 1 })}</legend>
            {register && <RegisterSearch index={i} picked={c.personId ? c.pickedName : null} onPick={(p) => setCandidate(i, { personId: p.id, pickedName: p.fullName, gender: p.gender ?? c.gender })} onClear={() => setCandidate(i, { personId: null, pickedName: '' })} />}
            {!c.personId && (
              <div className="stack">
                <label htmlFor={`c${i}-name`}>{t('nominate.name')}</label>
                <input id={`c${i}-name`} type="text" autoComplete="off" maxLength={200} value={c.fullName} onChange={(e) => setCandidate(i, { fullName: e.target.value })} {...invalid(`c${i}-name`)} />
                {fieldError(`c${i}-name`)}
                <label htmlFor={`c${i}-email`}>{t('nominate.email')}</label>
                <span id={`c${i}-email-hint`} className="secondary">
                  {t('nominate.emailHint')}
                </span>
                <input
                  id={`c${i}-email`}
                  type="email"
                  autoComplete="off"
                  maxLength={320}
                  value={c.email}
                  onChange={(e) => setCandidate(i, { email: e.target.value })}
                  aria-invalid={errorOf(`c${i}-email`) ? true : undefined}
                  aria-describedby={errorOf(`c${i}-email`) ? `c${i}-email-hint c${i}-email-error` : `c${i}-email-hint`}
                />
                {fieldError(`c${i}-email`)}
              </div>
            )}
            {pair && (
              <fieldset className="inner" aria-describedby={`c${i}-gender-hint${errorOf(`c${i}-gender-WOMAN`) ? ` c${i}-gender-WOMAN-error` : ''}`}>
                <legend>{t('nominate.gender')}</legend>
                <span id={`c${i}-gender-hint`} className="secondary">
                  {t('nominate.genderHint')}
                </span>
                {fieldError(`c${i}-gender-WOMAN`)}
                <div className="choices">
                  {(['WOMAN', 'MAN', 'OTHER'] as const).map((g) => (
                    <label key={g} className="choice">
                      <input type="radio" id={`c${i}-gender-${g}`} name={`c${i}-gender`} checked={c.gender === g} onChange={() => setCandidate(i, { gender: g })} />
                      {t(`nominate.gender.${g}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {perspective && (
              <div className="stack">
                <label htmlFor={`c${i}-perspective`}>{t('nominate.perspective')}</label>
                <input id={`c${i}-perspective`} type="text" maxLength={300} value={c.perspective} placeholder={perspective} onChange={(e) => setCandidate(i, { perspective: e.target.value })} {...invalid(`c${i}-perspective`)} />
                {fieldError(`c${i}-perspective`)}
              </div>
            )}
          </fieldset>
        ))}
        {pair && (
          <div className="stack">
            <label htmlFor="reason">{t('nominate.reason', { count: seats })}</label>
            <textarea id="reason" rows={4} maxLength={5000} value={draft.reason} onChange={(e) => change({ ...draft, reason: e.target.value })} {...invalid('reason')} />
            {fieldError('reason')}
          </div>
        )}
        <button type="submit" disabled={busy}>
          {t('nominate.submit')}
        </button>
      </form>
    </section>
  );
}

type Found = { id: string; fullName: string; email?: string | null; gender?: Gender | null };

/** Looks a person up in the register (secretariats), so that someone already there is not added twice. */
function RegisterSearch({ index, picked, onPick, onClear }: { index: number; picked: string | null; onPick(p: Found): void; onClear(): void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (picked) {
    return (
      <p>
        {t('nominate.picked', { name: picked })}{' '}
        <button type="button" className="link" onClick={onClear}>
          {t('nominate.unpick')}
        </button>
      </p>
    );
  }
  async function look() {
    if (search.trim().length < 2) return;
    setMessage(null);
    try {
      const { people } = await request(SearchPeople, { search: search.trim() });
      setFound(people.edges.map((e) => e.node));
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      setMessage(failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })));
    }
  }
  return (
    <div className="stack register-search">
      <label htmlFor={`c${index}-search`}>{t('nominate.search')}</label>
      <div className="search-row">
        <input
          id={`c${index}-search`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void look();
            }
          }}
        />
        <button type="button" className="secondary-button" onClick={() => void look()}>
          {t('nominate.searchButton')}
        </button>
      </div>
      <div role="status">
        {message}
        {found && found.length === 0 && t('nominate.noneFound')}
      </div>
      {found && found.length > 0 && (
        <ul className="items">
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => onPick(p)}>
                {t('nominate.pick', { name: p.fullName })}
              </button>
              {p.email && <span className="secondary"> · {p.email}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
