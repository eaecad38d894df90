'use strict';
// npm run migration:create -- AddMeetings
// Scaffolds a raw-SQL TypeORM migration; add it to prisma-free-schema/migrations/index.ts.
const fs = require('node:fs');
const path = require('node:path');

const name = process.argv[2];
if (!/^[A-Z][A-Za-z]+$/.test(name || '')) {
  process.stderr.write('Usage: npm run migration:create -- AddSomething (PascalCase)\n');
  process.exit(1);
}
const stamp = Date.now();
const file = path.join(__dirname, '..', 'prisma-free-schema', 'migrations', `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
fs.writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
);
process.stdout.write(`Created ${path.relative(process.cwd(), file)}; add ${name}${stamp} to prisma-free-schema/migrations/index.ts\n`);
