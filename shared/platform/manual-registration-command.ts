import { DEFAULT_ENVIRONMENT } from '../terraform/platform-environment';
import type { AssociationValues } from '../contract/associations';
import { targetKind } from '../targets/target-kinds';

/** The default platform API chainctl talks to; any other environment is named with `--api`. */
const DEFAULT_API = `https://console-api.${DEFAULT_ENVIRONMENT}`;

/**
 * The exact `chainctl` command that registers an association by hand, for when Liaison has no platform
 * connection (chainctl missing, signed out, platform unreachable). Undefined until the values name a
 * group and a whole target. Every value here is validated (UIDP, account id, project id and number),
 * so none needs shell quoting.
 */
export function manualRegistrationCommand(values: AssociationValues): string | undefined {
  const { groupId, cloud } = values;
  if (!groupId) return undefined;
  const environment = values.environment ?? DEFAULT_ENVIRONMENT;
  const api = `https://console-api.${environment}`;
  const apiFlag = api === DEFAULT_API ? [] : ['--api', api];
  const target = cloud === undefined ? undefined : targetKind(cloud).platformTarget(values);
  if (cloud === undefined || target === undefined) return undefined;
  const flags = targetKind(cloud).chainctlFlags(target);
  return ['chainctl', 'iam', 'account-associations', 'set', cloud, groupId, ...flags, ...apiFlag].join(' ');
}
