import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
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

  it('schema.sql matches the database the migrations produce', async () => {
    compare('schema.sql', await dumpSchema(t.db));
  });
});
