import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LOCALES, parseConfig, registeredEnumLabels } from '@samverkan/core';
import { schemaDiff, writeMigration } from '../../apps/cli/src/schema-diff';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLEnumType, printSchema } from 'graphql';
import { dumpSchema } from '@samverkan/core';
import { TestApp, startTestApp } from '../harness/test-app';

const dir = path.resolve(__dirname, '../../prisma-free-schema');
const HINT = 'The schema changed: run `npm run schema:snapshot` and commit prisma-free-schema/.';
const UPDATE = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';

function compare(file: string, actual: string): void {
  const target = path.join(dir, file);
  if (UPDATE) writeFileSync(target, actual);
  if (actual !== readFileSync(target, 'utf8')) throw new Error(`${file}: ${HINT}`);
}

describe('schema snapshots', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('schema.graphql matches the API the code produces', () => {
    compare('schema.graphql', printSchema(t.app.get(GraphQLSchemaHost).schema) + '\n');
  });

  it('labels every enum value of the API in sv, da and en', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const enums = Object.values(schema.getTypeMap()).filter((type): type is GraphQLEnumType => type instanceof GraphQLEnumType && !type.name.startsWith('__'));
    expect(enums.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const type of enums) {
      for (const value of type.getValues()) {
        const label = registeredEnumLabels().get(type.name)?.get(value.name);
        for (const locale of LOCALES) if (!label?.[locale]?.trim()) missing.push(`${type.name}.${value.name} (${locale})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves the labels in the language of the request', async () => {
    const query = `{ enumLabels(enums: ["OrganisationKind"]) { enum value label } }`;
    const da = await t.gql(query, {}, { headers: { 'accept-language': 'da' } });
    expect(da.data?.enumLabels).toContainEqual({ enum: 'OrganisationKind', value: 'MUNICIPALITY', label: 'kommune' });
    const sv = await t.gql(query, {}, { headers: { 'accept-language': 'sv-SE' } });
    expect(sv.data?.enumLabels).toContainEqual({ enum: 'OrganisationKind', value: 'MUNICIPALITY', label: 'kommun' });
    expect(sv.data?.enumLabels.every((l: { enum: string }) => l.enum === 'OrganisationKind')).toBe(true);
  });

  it('schema.sql matches the database the migrations produce', async () => {
    compare('schema.sql', await dumpSchema(t.db));
  });
});

@Entity('generator_probe')
class GeneratorProbe {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;
}

describe('migrations and entities', () => {
  const serverUrl = () => {
    const url = new URL(process.env.SAMVERKAN_TEST_ADMIN_URL!);
    url.pathname = '/samverkan';
    return url.toString();
  };

  it('agree: every entity column is made by a migration (npm run schema:diff)', () => {
    const cli = path.resolve(__dirname, '../../dist/apps/cli/src/main.js');
    const out = execFileSync(process.execPath, [cli, 'schema:diff', '--check'], { env: { ...process.env, DATABASE_URL: serverUrl(), NODE_ENV: 'test' }, encoding: 'utf8' });
    expect(out).toContain('The entities match the migrations.');
  });

  it('generates a migration for what an entity adds (npm run migration:generate)', async () => {
    const diff = await schemaDiff(parseConfig({ DATABASE_URL: serverUrl(), NODE_ENV: 'test' }), [GeneratorProbe]);
    expect(diff.up.join('\n')).toMatch(/CREATE TABLE "generator_probe" \("id" uuid NOT NULL DEFAULT uuid_generate_v4\(\)|CREATE TABLE "generator_probe"/);
    expect(diff.down.join('\n')).toContain('DROP TABLE "generator_probe"');
    const folder = mkdtempSync(path.join(tmpdir(), 'samverkan-migration-'));
    try {
      const { file, className } = writeMigration(folder, 'AddGeneratorProbe', diff, 1732300099000);
      expect(className).toBe('AddGeneratorProbe1732300099000');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('export class AddGeneratorProbe1732300099000 implements MigrationInterface');
      expect(text).toContain('CREATE TABLE \\"generator_probe\\"');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
