import { Link } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { OrganisationSelect } from '../core/pickers';
import { useQuery } from '../core/use-query';
import { CreatePerson, PeopleSearch } from './people-page.operations';
import { errorAt, fieldErrors } from './register-form';
import '../organisations/register.css';

/** The people register (secretariats): search first, then add — one person per e-mail address. */
export function PeoplePage() {
  const { t } = useI18n();
  const [search, setSearch] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const [first, setFirst] = useState(50);
  const query = useQuery(PeopleSearch, { search: search || null, first, after: null });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [existing, setExisting] = useState<{ id: string; name: string } | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const data = query.data;

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    window.history.replaceState(null, '', q ? `/people?q=${encodeURIComponent(q)}` : '/people');
    setFirst(50);
    setSearch(q);
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fullName = String(form.get('fullName') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const title = String(form.get('title') ?? '').trim();
    const affiliationId = String(form.get('affiliationId') ?? '');
    setExisting(null);
    setAdded(null);
    const found: FieldError[] = [];
    if (!fullName) found.push({ field: 'fullName', message: t('people.fullNameRequired') });
    if (found.length === 0 && email) {
      // Search before adding: the same address (in any case) means the same person.
      try {
        const same = await request(PeopleSearch, { search: email, first: 5, after: null });
        const match = same.people.edges.find((e) => e.node.email?.toLowerCase() === email.toLowerCase());
        if (match) {
          setExisting({ id: match.node.id, name: match.node.displayName });
          found.push({ field: 'email', message: t('people.exists', { name: match.node.displayName }) });
        }
      } catch (error) {
        found.push(...fieldErrors(error, 'email', t));
      }
    }
    if (found.length === 0) {
      try {
        const created = await request(CreatePerson, {
          input: { fullName, email: email || null, title: title || null, affiliationId: affiliationId || null },
        });
        setAdded({ id: created.createPerson.id, name: fullName });
        formElement.reset();
        query.reload();
      } catch (error) {
        if (error instanceof RequestFailed && error.errors[0]?.code === 'CONFLICT') {
          const same = await request(PeopleSearch, { search: email, first: 5, after: null }).catch(() => null);
          const match = same?.people.edges.find((e) => e.node.email?.toLowerCase() === email.toLowerCase());
          if (match) setExisting({ id: match.node.id, name: match.node.displayName });
        }
        found.push(...fieldErrors(error, 'fullName', t));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <>
      <Heading>{t('people.title')}</Heading>
      <p>{t('people.intro')}</p>
      <form className="stack" role="search" onSubmit={find}>
        <label htmlFor="q">{t('people.search')}</label>
        <div className="reg-inline">
          <input id="q" name="q" type="search" defaultValue={search} />
          <button type="submit">{t('people.searchButton')}</button>
        </div>
      </form>
      {data && (
        <section aria-labelledby="results">
          <h2 id="results" aria-live="polite">
            {t('people.results', { count: data.people.totalCount })}
          </h2>
          {data.people.edges.length > 0 && (
            <div className="reg-table" role="region" aria-labelledby="results" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('people.name')}</th>
                    <th scope="col">{t('people.email')}</th>
                    <th scope="col">{t('people.organisation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.people.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <th scope="row">
                        <Link to="/people/$personId" params={{ personId: node.id }}>
                          {node.displayName}
                        </Link>
                      </th>
                      <td>{node.email ?? ''}</td>
                      <td>{node.affiliation ? <Link to="/organisations/$organisationId" params={{ organisationId: node.affiliation.id }}>{node.affiliation.name}</Link> : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.people.pageInfo.hasNextPage && (
            <p>
              <button type="button" className="secondary-button" onClick={() => setFirst((n) => Math.min(n + 50, 100))} disabled={first >= 100}>
                {t('people.more')}
              </button>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="add">
        <h2 id="add">{t('people.add')}</h2>
        <ErrorSummary ref={summary} errors={errors} />
        {existing && (
          <p className="notice">
            {t('people.exists', { name: existing.name })}{' '}
            <Link to="/people/$personId" params={{ personId: existing.id }}>
              {t('people.open', { name: existing.name })}
            </Link>
          </p>
        )}
        {added && (
          <p role="status" className="saved">
            {t('people.added', { name: added.name })}{' '}
            <Link to="/people/$personId" params={{ personId: added.id }}>
              {t('people.open', { name: added.name })}
            </Link>
          </p>
        )}
        <form className="stack" onSubmit={add} noValidate>
          <label htmlFor="fullName">{t('people.name')}</label>
          <input id="fullName" name="fullName" type="text" autoComplete="off" aria-invalid={!!errorAt(errors, 'fullName')} aria-describedby={errorAt(errors, 'fullName') ? 'fullName-error' : undefined} />
          {errorAt(errors, 'fullName') && <p id="fullName-error" className="field-error">{errorAt(errors, 'fullName')!.message}</p>}
          <label htmlFor="email">{t('people.email')}</label>
          <input id="email" name="email" type="email" autoComplete="off" aria-invalid={!!errorAt(errors, 'email')} aria-describedby={errorAt(errors, 'email') ? 'email-error' : undefined} />
          {errorAt(errors, 'email') && <p id="email-error" className="field-error">{errorAt(errors, 'email')!.message}</p>}
          <label htmlFor="title">{t('people.jobTitle')}</label>
          <input id="title" name="title" type="text" />
          <OrganisationSelect id="affiliationId" label={t('people.organisation')} none={t('people.none')} errors={errors} />
          <button type="submit">{t('people.addButton')}</button>
        </form>
      </section>
    </>
  );
}
