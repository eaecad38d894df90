'use strict';
module.exports = async function globalTeardown() {
  await globalThis.__SAMVERKAN_REDIS__?.stop();
  await globalThis.__SAMVERKAN_PG__?.stop();
};
