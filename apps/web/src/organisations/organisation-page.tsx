import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { fieldErrors } from '../people/register-form';
import { OrganisationFields, organisationInput } from './organisation-fields';
import { OrganisationPage as OrganisationQuery, UpdateOrganisation } from './organisation-page.operations';
import './register.css';

/** One organisation: edit it (its region from the list of its country) and see who in the register belongs to it. */
export function OrganisationPage() {
  const { organisationId } = useParams({ strict: false }) as { organisationId: string };
  const { t } = useI18n();
  const query = useQuery(OrganisationQuery, { id: organisationId });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { organisation, people, regions, enumLabels } = query.data;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = organisationInput(new FormData(event.currentTarget));
    setSaved(false);
    const found: FieldError[] = [];
    if (!input.name) found.push({ field: 'name', message: t('organisations.nameRequired') });
    if (found.length === 0) {
      try {
        await request(UpdateOrganisation, {
          input: { id: organisation.id, ...input, kind: input.kind as 'AGENCY', shortName: input.shortName ?? undefined, email: input.email ?? undefined },
        });
        setSaved(true);
      } catch (error) {
        found.push(...fieldErrors(error, 'name', t));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <>
      <p>
        <Link to="/organisations">{t('organisations.title')}</Link>
      </p>
      <Heading>{organisation.name}</Heading>
      {organisation.parent && (
        <p>
          {t('organisations.parent')}:{' '}
          <Link to="/organisations/$organisationId" params={{ organisationId: organisation.parent.id }}>
            {organisation.parent.name}
          </Link>
        </p>
      )}
      <section aria-labelledby="details">
        <h2 id="details">{t('organisations.details')}</h2>
        <ErrorSummary ref={summary} errors={errors} />
        {saved && (
          <p role="status" className="saved">
            {t('organisations.saved')}
          </p>
        )}
        <form className="stack" onSubmit={save} noValidate>
          <OrganisationFields values={organisation} regions={regions} kinds={enumLabels} errors={errors} />
          <button type="submit">{t('organisations.save')}</button>
        </form>
      </section>
      <section aria-labelledby="people">
        <h2 id="people">{t('organisations.people')}</h2>
        {people.edges.length === 0 ? (
          <p>{t('organisations.noPeople')}</p>
        ) : (
          <ul className="items">
            {people.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to="/people/$personId" params={{ personId: node.id }}>
                  {node.displayName}
                </Link>
                {node.title && <span className="secondary"> · {node.title}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
