import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

const CHECK_CLI = resolve(import.meta.dirname, '../out/main/check-cli.js');
const GROUP = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';

/* One Liaison owns a data directory's runs: a second host there is refused; the check CLI is not. */
test('a second web host on the same data directory is refused while the first runs; the check CLI runs beside it', async ({
  liaison,
}) => {
  const second = new WebHostProcess({ LIAISON_DATA_DIR: liaison.dataDir });
  try {
    const refused = await second.start().then(
      () => 'started',
      (error: unknown) => String(error),
    );
    expect(refused).toContain('web host exited with 1');
    expect(refused).toContain(
      `Liaison cannot start: Another Liaison (the app or its web host) is already using the data directory ${liaison.dataDir}.`,
    );

    // The CLI opens the same store beside the running host: it reports, and is not refused.
    const cli = await promisify(execFile)(process.execPath, [CHECK_CLI, 'check-aws', GROUP], {
      env: { PATH: process.env.PATH, HOME: liaison.home, LIAISON_DATA_DIR: liaison.dataDir, LIAISON_LOG_LEVEL: 'warn' },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(cli).toEqual({
      code: 2,
      stderr: `liaison: group ${GROUP} has no generated AWS association in ${liaison.dataDir}.\n`,
    });

    // Once the first host has stopped, the directory is free: the next one starts.
    await liaison.stop();
    expect(await second.start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  } finally {
    await second.dispose();
  }
});
