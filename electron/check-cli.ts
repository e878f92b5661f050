#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { CheckResult } from '../shared/contract/checks';
import { allTargetKinds } from '../shared/targets/target-kinds';
import { uidpSchema } from '../shared/validation';
import { createCore, type Core } from './core/core';
import { createLogger } from './core/logger';
import { CoreError } from './core/core-error';
import { dispatchCall } from './core/dispatch';
import { exitCodeFor, formatCheckReport } from './core/checks/format-check-report';
import { webPlatform } from './core/platform';
import { formatPlatformGroups } from './core/platform/format-platform-groups';
import type { PlatformGroup, PlatformSettings } from '../shared/contract/platform';
import { environmentProblem } from '../shared/terraform/platform-environment';

const USAGE = `Usage: liaison check-aws <GROUP> [--account ID] [--json]
       liaison check-gcp <GROUP> [--project ID] [--json]
       liaison groups [--environment DOMAIN] [--json]

Checks every association of the group on that cloud (LIAISON_DATA_DIR selects the data directory).
Exit code: 0 when every check is Success or Configured, 1 otherwise (a platform NotReady included),
2 for a usage error. \`groups\` lists the platform's groups through your chainctl sign-in, for the
environment saved in Settings → Platform unless --environment names another. Every platform call goes
to the API URL saved for its environment (CHAINGUARD_CONSOLE_API overrides it).`;

/** `liaison check-aws|check-gcp <GROUP>`: the same checks as the app, for terminals, scripts and CI. */
export async function runCheckCli(argv: string[] = process.argv.slice(2)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        account: { type: 'string' },
        project: { type: 'string' },
        json: { type: 'boolean' },
        environment: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const [command, group, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'groups' && group === undefined) {
    return listPlatformGroups(parsed.values.environment, parsed.values.json === true);
  }
  const kind = allTargetKinds().find((each) => command === `check-${each.cloud}`);
  if (kind === undefined || group === undefined || extra.length > 0) {
    return usage(
      command === undefined
        ? 'Name a command: check-aws, check-gcp or groups.'
        : `Unknown arguments: ${parsed.positionals.join(' ')}`,
    );
  }
  const groupId = uidpSchema.safeParse(group);
  if (!groupId.success) return usage(`"${group}" is not a group id (a UIDP: 40 hex characters, then /16 per level).`);
  const filter = parsed.values[kind.cliOption];

  let core: Core;
  try {
    // The report is the output: log lines (JSON, for the app's terminal) only for warnings and worse.
    core = createCore({
      platform: webPlatform,
      version: 'cli',
      // The app may be applying on this data directory right now: its runs are left alone.
      role: 'secondary',
      logger: createLogger({ level: process.env.LIAISON_LOG_LEVEL || 'warn' }),
    });
  } catch (error) {
    console.error(
      `liaison: ${error instanceof CoreError ? `${error.message} ${error.remediation ?? ''}` : String(error)}`,
    );
    return 2;
  }
  try {
    const listed = await dispatchCall(core, 'listAssociations', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const associations = (listed.value as { id: string; status: string; values: Record<string, unknown> }[]).filter(
      (a) =>
        a.status === 'generated' &&
        a.values.groupId === groupId.data &&
        a.values.cloud === kind.cloud &&
        (filter === undefined || a.values[kind.idField] === filter),
    );
    if (associations.length === 0) {
      console.error(
        `liaison: group ${group} has no generated ${kind.cloudName} association${filter ? ` for ${filter}` : ''} in ${core.dataDir}.`,
      );
      return 2;
    }
    const results: CheckResult[] = [];
    for (const association of associations) {
      const checked = await dispatchCall(core, 'runAssociationCheck', { associationId: association.id });
      if (!checked.ok) {
        console.error(
          `liaison: ${checked.error.message}${checked.error.remediation ? ` ${checked.error.remediation}` : ''}`,
        );
        return 2;
      }
      const result = checked.value as CheckResult;
      results.push(result);
      if (!parsed.values.json) for (const line of formatCheckReport(result)) console.log(line);
    }
    if (parsed.values.json) console.log(JSON.stringify(results, null, 2));
    return exitCodeFor(results);
  } finally {
    core.close();
  }
}

/** `liaison groups`: the platform's groups, as a table or JSON; exit 1 when the platform cannot be asked. */
async function listPlatformGroups(chosen: string | undefined, json: boolean): Promise<number> {
  const problem = chosen === undefined ? undefined : environmentProblem(chosen);
  if (problem) return usage(problem);
  let core: Core;
  try {
    core = createCore({ platform: webPlatform, version: 'cli', role: 'secondary' });
  } catch (error) {
    console.error(`liaison: ${error instanceof CoreError ? error.message : String(error)}`);
    return 2;
  }
  try {
    let environment = chosen;
    if (environment === undefined) {
      // The environment saved in Settings → Platform (same data directory as the app).
      const settings = await dispatchCall(core, 'getPlatformSettings', {});
      if (!settings.ok) throw new Error(settings.error.message);
      environment = (settings.value as PlatformSettings).current;
    }
    const listed = await dispatchCall(core, 'listPlatformGroups', { environment });
    if (!listed.ok) {
      console.error(
        `liaison: ${listed.error.message}${listed.error.remediation ? ` ${listed.error.remediation}` : ''}`,
      );
      return 1;
    }
    const groups = listed.value as PlatformGroup[];
    if (json) console.log(JSON.stringify(groups, null, 2));
    else for (const line of formatPlatformGroups(groups)) console.log(line);
    return 0;
  } finally {
    core.close();
  }
}

function usage(problem: string): number {
  console.error(`liaison: ${problem}\n\n${USAGE}`);
  return 2;
}

void runCheckCli().then((code) => {
  process.exitCode = code;
});
