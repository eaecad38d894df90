import { FieldProblem, type FieldError } from './form';

interface Objective {
  id: string;
  letter: string;
  text: string;
  withdrawnByAmendmentId: string | null;
}
interface Goal {
  id: string;
  code: string;
  text: string;
}

/**
 * What a working group or a deliverable serves, as two groups of check boxes: the
 * commission's objectives (#objectiveIds; a withdrawn one only while it is still
 * chosen) and its strategy's goals (#goalIds). Each group shows only when there is
 * something to choose, with its problem at its end.
 */
export function AimChecks({
  commission,
  chosen,
  legends,
  onToggle,
  errors,
}: {
  commission: { objectives: readonly Objective[]; strategy: { title: string; priorityAreas: readonly { goals: readonly Goal[] }[] } | null };
  chosen: { objectiveIds: string[]; goalIds: string[] };
  /** The goals' legend names the strategy. */
  legends: { objectives: string; goals(strategy: string): string };
  onToggle(key: 'objectiveIds' | 'goalIds', id: string, on: boolean): void;
  errors: FieldError[];
}) {
  const { objectives, strategy } = commission;
  const { objectiveIds, goalIds } = chosen;
  const goals = strategy?.priorityAreas.flatMap((a) => a.goals) ?? [];
  const describedBy = (id: string) => (errors.some((e) => e.field === id) ? `${id}-error` : undefined);
  return (
    <>
      {objectives.length > 0 && (
        <fieldset id="objectiveIds" aria-describedby={describedBy('objectiveIds')}>
          <legend>{legends.objectives}</legend>
          <div className="checks">
            {objectives
              .filter((o) => !o.withdrawnByAmendmentId || objectiveIds.includes(o.id))
              .map((o) => (
                <label key={o.id} className="choice">
                  <input type="checkbox" id={`objective-${o.letter}`} checked={objectiveIds.includes(o.id)} onChange={(e) => onToggle('objectiveIds', o.id, e.target.checked)} />
                  <span>
                    <strong>{o.letter})</strong> {o.text}
                  </span>
                </label>
              ))}
          </div>
          <FieldProblem id="objectiveIds" errors={errors} />
        </fieldset>
      )}
      {goals.length > 0 && (
        <fieldset id="goalIds" aria-describedby={describedBy('goalIds')}>
          <legend>{legends.goals(strategy!.title)}</legend>
          <div className="checks">
            {goals.map((g) => (
              <label key={g.id} className="choice">
                {/* A goal code is "4.4": the id reads goal-4-4. */}
                <input type="checkbox" id={`goal-${g.code.replace(/\./g, '-')}`} checked={goalIds.includes(g.id)} onChange={(e) => onToggle('goalIds', g.id, e.target.checked)} />
                <span>
                  <strong>{g.code}</strong> {g.text}
                </span>
              </label>
            ))}
          </div>
          <FieldProblem id="goalIds" errors={errors} />
        </fieldset>
      )}
    </>
  );
}
