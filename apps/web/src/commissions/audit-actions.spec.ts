import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '../core/messages';

const LIBS = path.resolve(__dirname, '../../../../libs');
/** Account events (sign-in, password, the person's own export): not in a commission's trail. */
const ACCOUNT_ACTIONS = ['login', 'logout', 'logout-everywhere', 'change-password', 'revoke-reused-refresh-token', 'export-personal-data'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sources(file);
    return file.endsWith('.ts') && !file.endsWith('.spec.ts') ? [file] : [];
  });
}

/** The actions the libs write to the audit trail: the literals of each `action:` within an `audit.record(` call. */
function recordedActions(): string[] {
  const actions = new Set<string>();
  for (const file of sources(LIBS)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/audit\.record\(([\s\S]{0,600})/g)) {
      const action = /\baction:\s*([^,\n}]+)/.exec(call[1]);
      if (action) for (const literal of action[1].matchAll(/'([a-z-]+)'/g)) actions.add(literal[1]);
    }
  }
  return [...actions].sort();
}

describe('the audit trail page', () => {
  it('has words for every action a commission\'s trail can show, in every language (no bare codes)', () => {
    const actions = recordedActions();
    // The scan finds the actions (a changed call shape would otherwise pass this test empty).
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'appoint', 'amend', 'remind', 'register']));
    const missing = actions.filter((a) => !ACCOUNT_ACTIONS.includes(a)).filter((a) => !(`audit.action.${a}` in MESSAGES.en));
    expect(missing).toEqual([]);
  });
});
