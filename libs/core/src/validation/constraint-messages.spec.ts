import 'reflect-metadata';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError, validate } from 'class-validator';
import { IsEmail, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { LOCALES } from '../i18n/locale';
import { allMessageKeys, messageFor } from '../errors/messages';
import { constraintMessageKey, declaredConstraints, describeValidationErrors } from './constraint-messages';
import { IsDateOnly } from './is-date-only';

const LIBS = path.resolve(__dirname, '../../..');

/** Every source file under libs/ that declares GraphQL inputs or arguments validated by class-validator. */
function inputFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
        const text = readFileSync(full, 'utf8');
        if (/inputs?\.ts$/.test(name) || (text.includes("from 'class-validator'") && /@(InputType|ArgsType)\(/.test(text))) found.push(full);
      }
    }
  };
  for (const lib of readdirSync(LIBS)) if (statSync(path.join(LIBS, lib, 'src')).isDirectory()) walk(path.join(LIBS, lib, 'src'));
  return found;
}

describe('validation messages', () => {
  it('has a whole sentence in sv, da and en for every constraint any input uses', () => {
    const files = inputFiles();
    expect(files.filter((f) => /[\\/]libs[\\/]\w[\w-]*[\\/]src[\\/][^\\/]*inputs[^\\/]*\.ts$/.test(f)).length).toBeGreaterThanOrEqual(9);
    for (const file of files) require(file);
    const declared = declaredConstraints().filter((d) => !d.target.startsWith('Probe'));
    expect(new Set(declared.map((d) => d.constraint)).size).toBeGreaterThan(15);
    expect(declared.some((d) => d.constraint === 'matches')).toBe(true);
    const missing = declared
      .filter((d) => {
        const texts = messageFor(constraintMessageKey(d.constraint, d.property));
        return !texts || LOCALES.some((l) => !texts[l]?.includes('{field}'));
      })
      .map((d) => `${d.target}.${d.property}: ${d.constraint} (${constraintMessageKey(d.constraint, d.property)})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('keeps every message complete: each language present, the same placeholders in each', () => {
    const problems: string[] = [];
    for (const key of allMessageKeys()) {
      const texts = messageFor(key)!;
      const placeholders = LOCALES.map((l) => [...(texts[l] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(','));
      if (LOCALES.some((l) => !texts[l]?.trim())) problems.push(`${key}: a language is missing`);
      else if (new Set(placeholders).size > 1) problems.push(`${key}: placeholders differ (${placeholders.join(' | ')})`);
    }
    expect(problems).toEqual([]);
  });

  it('renders class-validator errors as whole sentences with the rule’s own limits and the field’s path', async () => {
    class Item {
      @IsDateOnly() dueOn: string;
      @MaxLength(5) title: string;
    }
    class Input {
      @IsUUID() id: string;
      @Length(2, 4) code: string;
      @IsEmail() email: string;
      @ValidateNested({ each: true }) @Type(() => Item) items: Item[];
    }
    const input = Object.assign(new Input(), { id: 'x', code: 'toolong', email: 'nope', items: [Object.assign(new Item(), { dueOn: '1.3.2027', title: 'far too long' })] });
    const errors: ValidationError[] = await validate(input);
    const { text, fields } = describeValidationErrors(errors);
    expect(fields).toEqual(['id', 'code', 'email', 'items.0.dueOn', 'items.0.title']);
    expect(text.sv).toContain('code ska vara mellan 2 och 4 tecken lång.');
    expect(text.sv).toContain('items.0.dueOn: skriv datumet som ÅÅÅÅ-MM-DD');
    expect(text.da).toContain('items.0.title må højst være 5 tegn lang.');
    expect(text.en).toContain('email must be an email address');
    // No English left in the Scandinavian texts.
    for (const l of ['sv', 'da'] as const) expect(text[l]).not.toMatch(/\b(must|should|be|a date|written|instance)\b/);
  });
});
