import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { BackToCommission } from '../commissions/back-to-commission';
import { request } from '../core/client';
import { asFailure, signInAgain } from '../core/form';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { PagerButtons, usePager } from '../core/pager';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { MailLogPage as MailLogQuery, ResendMail } from './mail-log-page.operations';
import '../organisations/register.css';
import '../reports/overview.css';
import '../reports/reports.css';

const PAGE = 25;
const STATUSES = ['SENT', 'FAILED', 'PENDING', 'SENDING', 'CANCELLED'] as const;
type Status = (typeof STATUSES)[number];

interface Filter {
  status: Status | '';
  search: string;
}

/**
 * A commission's mail log for its secretariat: what was sent to whom and what
 * became of it (failed and why, stopped), with "send again"; the reminders that
 * were not sent and why; the answers people gave from links in the mail. Filters
 * and paging are the server's (one request for the page).
 */
export function MailLogPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, dateTime } = useI18n();
  const [filter, setFilter] = useState<Filter>({ status: '', search: '' });
  const mails = usePager();
  const skipped = usePager();
  const answers = usePager();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const query = useQuery(MailLogQuery, {
    id: commissionId,
    first: PAGE,
    after: mails.after,
    status: filter.status || null,
    search: filter.search || null,
    skippedAfter: skipped.after,
    answersAfter: answers.after,
  });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { commission, commissionMailLog: log, commissionSkippedReminders: notSent, mailAnswers: given } = query.data;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mails.reset();
    setNotice(null);
    setFilter({ status: String(form.get('status') ?? '') as Status | '', search: String(form.get('search') ?? '').trim() });
  }

  async function resend(mail: { id: string; subject: string; toAddress: string }) {
    setBusy(mail.id);
    setNotice(null);
    try {
      await request(ResendMail, { id: mail.id });
      setNotice({ text: t('mail.log.resent', { subject: mail.subject, to: mail.toAddress }), error: false });
      query.reload();
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      setNotice({ text: failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })), error: true });
    } finally {
      setBusy(null);
    }
  }

  const reasonOf = (m: (typeof log.edges)[number]['node']) => {
    if (m.bounceKind) return t(`mail.log.bounce.${m.bounceKind}` as MessageKey, { reason: m.bounceReason ?? '' });
    if (m.status === 'FAILED') return t('mail.log.failedBecause', { error: m.lastError ?? '–' });
    if (m.status === 'CANCELLED') return t('mail.log.stopped');
    if (m.status === 'PENDING' && m.lastError && m.nextAttemptAt) return t('mail.log.retrying', { error: m.lastError, at: dateTime(m.nextAttemptAt), attempts: m.attempts });
    return '';
  };

  return (
    <>
      <BackToCommission id={commissionId} title={commission.title} />
      <Heading>{t('mail.log.title', { title: commission.title })}</Heading>
      <p>{t('mail.log.intro')}</p>
      <form className="mail-filters" onSubmit={apply} aria-label={t('mail.log.filter')}>
        <div>
          <label htmlFor="status">{t('mail.log.status')}</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="">{t('mail.log.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mail.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search">{t('mail.log.search')}</label>
          <input id="search" name="search" type="search" defaultValue={filter.search} />
        </div>
        <div>
          <button type="submit">{t('mail.log.apply')}</button>
        </div>
      </form>
      <p role="status" className={notice?.error ? 'field-error' : 'saved'}>
        {notice?.text}
      </p>

      <section aria-labelledby="sent">
        <h2 id="sent" aria-live="polite">
          {t('mail.log.count', { count: log.totalCount })}
        </h2>
        {log.edges.length > 0 && (
          <table className="data stacked" role="table">
            <caption className="visually-hidden">{t('mail.log.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('mail.log.subject')}</th>
                <th scope="col" role="columnheader">{t('mail.log.to')}</th>
                <th scope="col" role="columnheader">{t('mail.log.when')}</th>
                <th scope="col" role="columnheader">{t('mail.log.status')}</th>
                <th scope="col" role="columnheader">{t('mail.log.why')}</th>
                <th scope="col" role="columnheader">{t('mail.log.actions')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {log.edges.map(({ node: m }) => (
                <tr key={m.id} role="row">
                  <th scope="row" role="rowheader">
                    {m.subject}
                  </th>
                  <td role="cell" data-label={t('mail.log.to')} className="mail-reason">
                    {m.toName ? (
                      <>
                        {m.toName} <span className="secondary">&lt;{m.toAddress}&gt;</span>
                      </>
                    ) : (
                      m.toAddress
                    )}
                  </td>
                  <td role="cell" data-label={t('mail.log.when')}>
                    {dateTime(m.sentAt ?? m.failedAt ?? m.createdAt)}
                  </td>
                  <td role="cell" data-label={t('mail.log.status')}>
                    {t(`mail.status.${m.status}` as MessageKey)}
                  </td>
                  <td role="cell" data-label={t('mail.log.why')} className="mail-reason">
                    {reasonOf(m)}
                  </td>
                  <td role="cell">
                    {(m.status === 'SENT' || m.status === 'FAILED') && (
                      <button type="button" className="secondary-button" disabled={busy === m.id} aria-label={t('mail.log.resendLabel', { subject: m.subject, to: m.toAddress })} onClick={() => void resend(m)}>
                        {t('mail.log.resend')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PagerButtons pager={mails} pageInfo={log.pageInfo} newer={t('mail.log.newer', { what: t('mail.log.mails') })} older={t('mail.log.older', { what: t('mail.log.mails') })} />
      </section>

      <section aria-labelledby="skipped">
        <h2 id="skipped">{t('mail.skipped.title', { count: notSent.totalCount })}</h2>
        {notSent.edges.length === 0 ? (
          <p>{t('mail.skipped.none')}</p>
        ) : (
          <ul className="items">
            {notSent.edges.map(({ node: s }) => (
              <li key={s.id}>
                <strong>{s.label}</strong>: {s.title} — {t('mail.skipped.due', { at: dateTime(s.dueAt) })}. {s.reason}
              </li>
            ))}
          </ul>
        )}
        <PagerButtons pager={skipped} pageInfo={notSent.pageInfo} newer={t('mail.log.newer', { what: t('mail.skipped.what') })} older={t('mail.log.older', { what: t('mail.skipped.what') })} />
      </section>

      <section aria-labelledby="answers">
        <h2 id="answers">{t('mail.answers.title', { count: given.totalCount })}</h2>
        {given.edges.length === 0 ? (
          <p>{t('mail.answers.none')}</p>
        ) : (
          <ul className="items">
            {given.edges.map(({ node: a }) => (
              <li key={a.id}>
                <strong>{a.person?.displayName ?? t('mail.answers.someone')}</strong>: {a.actionLabel}
                {a.answerText && <> — {a.answerText}</>} ({dateTime(a.at)}, {t(a.channel === 'calendar-reply' ? 'mail.answers.calendar' : 'mail.answers.link')})
              </li>
            ))}
          </ul>
        )}
        <PagerButtons pager={answers} pageInfo={given.pageInfo} newer={t('mail.log.newer', { what: t('mail.answers.what') })} older={t('mail.log.older', { what: t('mail.answers.what') })} />
      </section>
    </>
  );
}
