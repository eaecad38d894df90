import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { LOCALES } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { OrganisationSelect } from '../core/pickers';
import { useQuery } from '../core/use-query';
import { GenderField } from './gender-field';
import { CreateAccount, DuplicateCandidates, MergePeople, PersonPage as PersonQuery, UpdatePerson } from './person-page.operations';
import { LANGUAGE_NAMES, errorAt, fieldErrors, type Gender } from './register-form';
import '../organisations/register.css';

type Candidate = { id: string; displayName: string; email: string | null; affiliation: { name: string } | null };

/** One person of the register: edit the details, merge a duplicate into them. */
export function PersonPage() {
  const { personId } = useParams({ strict: false }) as { personId: string };
  const { t } = useI18n();
  const query = useQuery(PersonQuery, { id: personId });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [mergeErrors, setMergeErrors] = useState<FieldError[]>([]);
  const [accountErrors, setAccountErrors] = useState<FieldError[]>([]);
  const [accountMade, setAccountMade] = useState<string | null>(null);
  const accountSummary = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const mergeSummary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { person, me } = query.data;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fullName = String(form.get('fullName') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const chosenGender = String(form.get('gender') ?? '') as Gender | '';
    setSaved(null);
    const found: FieldError[] = [];
    if (!fullName) found.push({ field: 'fullName', message: t('people.fullNameRequired') });
    if (found.length === 0) {
      try {
        await request(UpdatePerson, {
          input: {
            id: person.id,
            fullName,
            email: email || undefined,
            title: String(form.get('title') ?? '').trim() || undefined,
            affiliationId: String(form.get('affiliationId') ?? '') || undefined,
            locale: String(form.get('locale')) as 'sv' | 'da' | 'en',
            // Sent only when changed: a gender this viewer may not see reads as "not stated" and must not be cleared.
            gender: chosenGender === (person.gender ?? '') ? undefined : chosenGender || null,
          },
        });
        setSaved(t('people.saved'));
      } catch (error) {
        found.push(...fieldErrors(error, 'fullName', t));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  /** An administrator gives the person a login with a first password (changed by them under Settings). */
  async function createLogin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('accountEmail') ?? '').trim();
    const password = String(form.get('accountPassword') ?? '');
    setAccountMade(null);
    const found: FieldError[] = [];
    if (!email) found.push({ field: 'accountEmail', message: t('people.accountEmailRequired') });
    if (password.length < 12) found.push({ field: 'accountPassword', message: t('people.accountPasswordShort') });
    if (found.length === 0) {
      try {
        await request(CreateAccount, { input: { personId: person.id, email, password, isAdmin: form.has('accountAdmin') } });
        setAccountMade(t('people.accountCreated', { name: person.displayName, email }));
      } catch (error) {
        found.push(...fieldErrors(error, 'accountEmail', t, { email: 'accountEmail', password: 'accountPassword', personId: 'accountEmail' }));
      }
    }
    setAccountErrors(found);
    if (found.length) requestAnimationFrame(() => accountSummary.current?.focus());
  }

  async function findDuplicates(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('duplicate-q') ?? '').trim();
    try {
      const result = await request(DuplicateCandidates, { search: q || null });
      setCandidates(result.people.edges.map((e) => e.node).filter((p) => p.id !== person.id));
      setMergeErrors([]);
    } catch (error) {
      setMergeErrors(fieldErrors(error, 'duplicate-q', t));
    }
  }

  async function merge(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const mergePersonId = String(form.get('mergePersonId') ?? '');
    const found: FieldError[] = [];
    if (!mergePersonId) found.push({ field: candidates?.[0] ? `merge-${candidates[0].id}` : 'duplicate-q', message: t('people.mergeChoose') });
    if (!form.get('confirm')) found.push({ field: 'confirm', message: t('people.mergeConfirmMissing') });
    if (found.length === 0) {
      try {
        const merged = candidates?.find((c) => c.id === mergePersonId);
        await request(MergePeople, { input: { keepPersonId: person.id, mergePersonId } });
        setCandidates(null);
        setSaved(t('people.mergeDone', { merged: merged?.displayName ?? '', name: person.displayName }));
      } catch (error) {
        found.push(...fieldErrors(error, 'confirm', t, { mergePersonId: 'confirm', keepPersonId: 'confirm' }));
      }
    }
    setMergeErrors(found);
    if (found.length) requestAnimationFrame(() => mergeSummary.current?.focus());
  }

  const field = (id: string) => ({
    id,
    name: id,
    'aria-invalid': !!errorAt(errors, id),
    'aria-describedby': errorAt(errors, id) ? `${id}-error` : undefined,
  });
  const fieldError = (id: string) =>
    errorAt(errors, id) && (
      <p id={`${id}-error`} className="field-error">
        {errorAt(errors, id)!.message}
      </p>
    );

  return (
    <>
      {/* The register is a secretariat's tool; a member who follows a link to a person has no list to go back to. */}
      {query.data.mayEditStrategies && (
        <p>
          <Link to="/people">{t('people.title')}</Link>
        </p>
      )}
      <Heading>{person.displayName}</Heading>
      {person.mergedInto && (
        <p className="notice">
          {t('people.merged', { name: person.mergedInto.displayName })}{' '}
          <Link to="/people/$personId" params={{ personId: person.mergedInto.id }}>
            {t('people.open', { name: person.mergedInto.displayName })}
          </Link>
        </p>
      )}
      {person.erasedAt && <p className="notice">{t('people.erased')}</p>}
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      {/* Someone who may not change the details reads them (the API would refuse the save). */}
      {!person.mayEdit && (
        <dl className="facts">
          {person.title && (
            <>
              <dt>{t('people.jobTitle')}</dt>
              <dd>{person.title}</dd>
            </>
          )}
          {person.affiliation && (
            <>
              <dt>{t('people.organisation')}</dt>
              <dd>
                <Link to="/organisations/$organisationId" params={{ organisationId: person.affiliation.id }}>
                  {person.affiliation.name}
                </Link>
              </dd>
            </>
          )}
        </dl>
      )}
      {person.mayEdit && (
      <section aria-labelledby="details">
        <h2 id="details">{t('people.edit')}</h2>
        <ErrorSummary ref={summary} errors={errors} />
        <form className="stack" onSubmit={save} noValidate key={query.data.person.fullName + (person.email ?? '')}>
          <label htmlFor="fullName">{t('people.name')}</label>
          <input type="text" defaultValue={person.fullName} {...field('fullName')} />
          {fieldError('fullName')}
          <label htmlFor="email">{t('people.email')}</label>
          <input type="email" defaultValue={person.email ?? ''} {...field('email')} />
          {fieldError('email')}
          <label htmlFor="title">{t('people.jobTitle')}</label>
          <input type="text" defaultValue={person.title ?? ''} {...field('title')} />
          {fieldError('title')}
          <OrganisationSelect id="affiliationId" label={t('people.organisation')} none={t('people.none')} initial={person.affiliation ? { id: person.affiliation.id, label: person.affiliation.name } : null} errors={errors} />
          <label htmlFor="locale">{t('people.language')}</label>
          <select defaultValue={person.locale} {...field('locale')}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <GenderField value={person.gender} />
          <button type="submit">{t('people.save')}</button>
        </form>
      </section>
      )}

      {me.isAdmin && !person.mergedInto && !person.erasedAt && (
        <section aria-labelledby="account">
          <h2 id="account">{t('people.account')}</h2>
          <p>{t('people.accountIntro', { name: person.displayName })}</p>
          <ErrorSummary ref={accountSummary} errors={accountErrors} />
          {accountMade && (
            <p role="status" className="saved">
              {accountMade}
            </p>
          )}
          <form className="stack" onSubmit={createLogin} noValidate>
            <label htmlFor="accountEmail">{t('people.accountEmail')}</label>
            <input id="accountEmail" name="accountEmail" type="email" autoComplete="off" defaultValue={person.email ?? ''} aria-invalid={!!errorAt(accountErrors, 'accountEmail')} aria-describedby={errorAt(accountErrors, 'accountEmail') ? 'accountEmail-error' : undefined} />
            {errorAt(accountErrors, 'accountEmail') && (
              <p id="accountEmail-error" className="field-error">
                {errorAt(accountErrors, 'accountEmail')!.message}
              </p>
            )}
            <label htmlFor="accountPassword">{t('people.accountPassword')}</label>
            <input id="accountPassword" name="accountPassword" type="password" autoComplete="new-password" aria-invalid={!!errorAt(accountErrors, 'accountPassword')} aria-describedby={errorAt(accountErrors, 'accountPassword') ? 'accountPassword-error' : undefined} />
            {errorAt(accountErrors, 'accountPassword') && (
              <p id="accountPassword-error" className="field-error">
                {errorAt(accountErrors, 'accountPassword')!.message}
              </p>
            )}
            <label className="choice">
              <input type="checkbox" id="accountAdmin" name="accountAdmin" />
              {t('people.accountAdmin')}
            </label>
            <button type="submit">{t('people.accountButton')}</button>
          </form>
        </section>
      )}

      {query.data.mayEditStrategies && !person.mergedInto && !person.erasedAt && (
        <section aria-labelledby="merge">
          <h2 id="merge">{t('people.merge')}</h2>
          <p>{t('people.mergeIntro', { name: person.displayName })}</p>
          <ErrorSummary ref={mergeSummary} errors={mergeErrors} />
          <form className="stack" role="search" onSubmit={findDuplicates}>
            <label htmlFor="duplicate-q">{t('people.mergeSearch')}</label>
            <div className="reg-inline">
              <input id="duplicate-q" name="duplicate-q" type="search" defaultValue={person.fullName} />
              <button type="submit" className="secondary-button">
                {t('people.mergeFind')}
              </button>
            </div>
          </form>
          {candidates && candidates.length === 0 && <p role="status">{t('people.mergeNone')}</p>}
          {candidates && candidates.length > 0 && (
            <form className="stack" onSubmit={merge} noValidate>
              <fieldset>
                <legend>{t('people.mergeCandidates')}</legend>
                <div className="checks">
                  {candidates.map((c) => (
                    <label key={c.id} className="choice">
                      <input type="radio" id={`merge-${c.id}`} name="mergePersonId" value={c.id} />
                      {c.displayName}
                      {c.email && <span className="secondary"> · {c.email}</span>}
                      {c.affiliation && <span className="secondary"> · {c.affiliation.name}</span>}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label className="choice">
                <input type="checkbox" id="confirm" name="confirm" aria-describedby={errorAt(mergeErrors, 'confirm') ? 'confirm-error' : undefined} />
                {t('people.mergeConfirm')}
              </label>
              {errorAt(mergeErrors, 'confirm') && (
                <p id="confirm-error" className="field-error">
                  {errorAt(mergeErrors, 'confirm')!.message}
                </p>
              )}
              <button type="submit" id="merge-submit">{t('people.mergeButton', { name: person.displayName })}</button>
            </form>
          )}
        </section>
      )}
    </>
  );
}
