import { RequestFailed } from './client';
import { problemsOf, withLabel } from './problems';

const t = (key: string) => key;

describe('a refusal shown at its fields', () => {
  it('names each field by its label, not by the API\'s property', () => {
    const refused = new RequestFailed('bad-input', [
      {
        message: 'name skal være mindst 1 tegn. objectives.1.text skal være højst 2000 tegn.',
        code: 'BAD_USER_INPUT',
        fields: ['name', 'objectives.1.text'],
        problems: [
          { field: 'name', message: 'name skal være mindst 1 tegn.' },
          { field: 'objectives.1.text', message: 'objectives.1.text skal være højst 2000 tegn.' },
        ],
      },
    ]);
    const ids: Record<string, string> = { name: 'name', 'objectives.1.text': 'objectives-1-text' };
    const labels: Record<string, string> = { name: 'navn', 'objectives-1-text': 'Formål B' };
    expect(problemsOf(refused, 'name', (path) => ids[path], t, (id) => labels[id])).toEqual([
      { field: 'name', message: 'Navn skal være mindst 1 tegn.' },
      { field: 'objectives-1-text', message: 'Formål B skal være højst 2000 tegn.' },
    ]);
    // A typed refusal naming one field: the same.
    const conflict = new RequestFailed('bad-input', [{ message: 'seatCount er lavere end de besatte pladser.', code: 'CONFLICT', fields: ['seatCount'] }]);
    expect(problemsOf(conflict, 'x', () => 'alloc-seatCount', t, () => 'Antal pladser')).toEqual([{ field: 'alloc-seatCount', message: 'Antal pladser er lavere end de besatte pladser.' }]);
  });

  it('leaves the sentence as it is when the page has no label, or the name is part of another word', () => {
    expect(withLabel('name skal være udfyldt.', 'name', undefined)).toBe('name skal være udfyldt.');
    expect(withLabel('fullName skal være udfyldt.', 'name', 'Navn')).toBe('fullName skal være udfyldt.');
    expect(withLabel('Værdien af email er ugyldig.', 'email', 'e-post')).toBe('Værdien af e-post er ugyldig.');
  });
});
