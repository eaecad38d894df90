import { useId, useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { OfflineNotice, asFailure, signInAgain } from '../core/form';
import { useI18n } from '../core/i18n';
import { clearDraft, readDraft, saveDraft } from '../core/session';
import { Rsvp } from './rsvp.operations';

type Answer = 'YES' | 'NO' | 'MAYBE' | 'SUBSTITUTE' | 'PENDING';
interface Draft {
  answer: Answer;
}

/**
 * Give or change my answer to a meeting: radio buttons (arrow keys move between
 * them) and a save button. "My substitute comes" is offered only when my seat
 * has a substitute on the meeting's day, and names them. What is chosen is kept
 * in this tab when the session ends or the connection drops, and is there again
 * after signing in.
 */
export function RsvpForm({ meetingId, answer, seatSubstitute }: { meetingId: string; answer: Answer; seatSubstitute?: { id: string; displayName: string } | null }) {
  const { t } = useI18n();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const draftKey = `rsvp:${meetingId}`;
  const [draft, setDraft] = useState<Draft>(() => readDraft<Draft>(draftKey) ?? { answer });
  const [saved, setSaved] = useState<Answer>(answer);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices: Answer[] = seatSubstitute ? ['YES', 'NO', 'MAYBE', 'SUBSTITUTE'] : ['YES', 'NO', 'MAYBE'];
  // An answer kept from before may name a substitute the seat no longer has.
  const chosen = choices.includes(draft.answer) ? draft.answer : answer;

  function change(next: Draft) {
    setDraft(next);
    saveDraft(draftKey, next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === 'PENDING') return;
    setBusy(true);
    setOffline(false);
    setMessage(null);
    try {
      const input = chosen === 'SUBSTITUTE' && seatSubstitute ? { answer: chosen, substitutePersonId: seatSubstitute.id } : { answer: chosen };
      const { rsvp } = await request(Rsvp, { meetingId, input });
      clearDraft(draftKey);
      setSaved(rsvp.rsvp);
      setMessage({ text: t('rsvp.saved', { answer: rsvp.rsvp === 'SUBSTITUTE' && seatSubstitute ? t('rsvp.substituteNamed', { name: seatSubstitute.displayName }) : t(`rsvp.${rsvp.rsvp}`) }), error: false });
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      if (failed.kind === 'network') setOffline(true);
      else setMessage({ text: failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }), error: true });
    } finally {
      setBusy(false);
    }
  }

  const label = (choice: Answer) => (choice === 'SUBSTITUTE' && seatSubstitute ? t('rsvp.substituteNamed', { name: seatSubstitute.displayName }) : t(`rsvp.${choice}`));
  return (
    <form ref={form} className="rsvp" onSubmit={submit}>
      <fieldset>
        <legend>
          {t('rsvp.label')}: <span className="current">{label(saved)}</span>
        </legend>
        <div className="choices">
          {choices.map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name={`${id}-answer`} value={choice} checked={chosen === choice} onChange={() => change({ answer: choice })} />
              {label(choice)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={busy || chosen === 'PENDING'}>
        {t('rsvp.save')}
      </button>
      <OfflineNotice onRetry={offline ? () => form.current?.requestSubmit() : null} />
      <p role="status" className={message?.error ? 'field-error' : 'saved'}>
        {message?.text}
      </p>
    </form>
  );
}
