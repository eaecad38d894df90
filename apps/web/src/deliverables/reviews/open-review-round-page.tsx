import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { request } from '../../core/client';
import { ErrorSummary, FieldProblem, described, useProblems, type FieldError } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { OpenReviewRound, OpenReviewRoundPage as OpenReviewRoundQuery } from './open-review-round-page.operations';
import type { ResultOf } from '../../core/graphql';

type Deliverable = ResultOf<typeof OpenReviewRoundQuery>['deliverable'];

/**
 * Opens a review round on a version of a deliverable (the secretariat): the
 * suggested reviewers per organisation (the seat holders of the group's
 * organisations today), the last day to answer and a message; each chosen
 * reviewer gets the invitation by mail with one-click answers. A reader who may
 * not open one gets "not for you" (suggestedReviewers is the secretariat's).
 */
export function OpenReviewRoundPage() {
  const { deliverableId } = useParams({ strict: false }) as { deliverableId: string };
  const query = useQuery(OpenReviewRoundQuery, { id: deliverableId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  return <OpenForm deliverable={query.data.deliverable} />;
}

/** The suggestions by organisation, in the order the API gives them (organisation, then name). */
function byOrganisation(suggestions: Deliverable['suggestedReviewers']) {
  const groups = new Map<string, { name: string; people: { id: string; name: string }[] }>();
  for (const s of suggestions) {
    const group = groups.get(s.organisationId) ?? { name: s.organisation.name, people: [] };
    group.people.push({ id: s.personId, name: s.person.displayName });
    groups.set(s.organisationId, group);
  }
  return [...groups].map(([id, g]) => ({ id, ...g }));
}

function OpenForm({ deliverable: d }: { deliverable: Deliverable }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { errors, setErrors, fail, summary } = useProblems();
  const versions = [...d.versions].sort((a, b) => b.number - a.number);
  const organisations = byOrganisation(d.suggestedReviewers);
  const openRound = d.reviewRounds.find((r) => r.status === 'OPEN');
  const [versionId, setVersionId] = useState(versions[0]?.id ?? '');
  const [deadline, setDeadline] = useState('');
  const [message, setMessage] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(d.suggestedReviewers.map((s) => s.personId)));
  const [busy, setBusy] = useState(false);
  const firstReviewer = organisations[0] ? `reviewer-${organisations[0].people[0].id}` : 'reviewers';

  const toggle = (personId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(personId);
    else next.delete(personId);
    setChosen(next);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!versionId) found.push({ field: 'version', message: t('reviews.needVersion') });
    if (!deadline) found.push({ field: 'deadline', message: t('reviews.needDeadline') });
    if (chosen.size === 0) found.push({ field: firstReviewer, message: t('reviews.needReviewer') });
    if (found.length) return setErrors(found);
    setBusy(true);
    try {
      const { openReviewRound } = await request(OpenReviewRound, { input: { versionId, deadline, reviewerIds: [...chosen], message: message.trim() || undefined } });
      await navigate({ to: '/review-rounds/$reviewRoundId/follow', params: { reviewRoundId: openReviewRound.id } });
    } catch (error) {
      fail(error, 'version', { deadline: 'deadline', reviewerIds: firstReviewer, versionId: 'version', message: 'message' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading>{t('reviews.openTitle', { title: d.title })}</Heading>
      <p>
        <Link to="/deliverables/$deliverableId" params={{ deliverableId: d.id }}>
          {d.title}
        </Link>{' '}
        <span className="secondary">({d.statusLabel})</span>
      </p>
      {openRound && (
        <p className="notice-inline">
          {t('reviews.openExists')}{' '}
          <Link to="/review-rounds/$reviewRoundId/follow" params={{ reviewRoundId: openRound.id }}>
            {t('reviews.follow')}
          </Link>
        </p>
      )}
      <ErrorSummary ref={summary} errors={errors} />
      {versions.length === 0 ? (
        <p className="notice">{t('reviews.noVersion')}</p>
      ) : (
        <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor="version">{t('reviews.version')}</label>
          <select id="version" value={versionId} onChange={(e) => setVersionId(e.target.value)} {...described('version', errors)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('reviews.versionOption', { number: v.number, filename: v.filename })}
              </option>
            ))}
          </select>
          <FieldProblem id="version" errors={errors} />
          <label htmlFor="deadline">{t('reviews.deadline')}</label>
          <input id="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} {...described('deadline', errors)} />
          <FieldProblem id="deadline" errors={errors} />
          <fieldset aria-describedby="reviewers-hint">
            <legend>{t('reviews.reviewers')}</legend>
            <p id="reviewers-hint" className="hint">
              {t('reviews.reviewersHint')}
            </p>
            {organisations.length === 0 && <p className="notice">{t('reviews.noSuggestions')}</p>}
            <FieldProblem id={firstReviewer} errors={errors} />
            {organisations.map((o) => (
              <fieldset key={o.id} className="inner">
                <legend>{o.name}</legend>
                <div className="checks">
                  {o.people.map((p) => {
                    const id = `reviewer-${p.id}`;
                    return (
                      <label key={p.id} className="choice">
                        <input type="checkbox" id={id} checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} {...(id === firstReviewer ? described(id, errors) : {})} />
                        {p.name}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </fieldset>
          <label htmlFor="message">{t('reviews.message')}</label>
          <textarea id="message" rows={4} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} {...described('message', errors)} />
          <FieldProblem id="message" errors={errors} />
          <button type="submit" disabled={busy}>
            {t('reviews.open')}
          </button>
        </form>
      )}
    </>
  );
}
