import 'reflect-metadata';
import { APP_CONFIG, AppConfig, ConfigError } from '@samverkan/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  process.env.SAMVERKAN_PROCESS = 'api';
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${(error as { port?: number }).port ?? process.env.PORT ?? 3000} is already in use: stop the other program or set PORT to a free port.\n`);
  } else {
    process.stderr.write(`The API could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
