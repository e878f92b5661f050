import type { appMethods } from '../../shared/contract/app';
import { assertAllowedExternalUrl } from './external-links';
import type { HandlersFor } from './handler-types';
import type { HostPlatform } from './platform';

export function appHandlers(options: {
  platform: HostPlatform;
  dataDir: string;
  version: string;
}): HandlersFor<typeof appMethods> {
  return {
    getAppInfo: () => ({
      name: 'Liaison',
      version: options.version,
      host: options.platform.host,
      dataDir: options.dataDir,
    }),
    openExternal: async ({ url }) => {
      const allowed = assertAllowedExternalUrl(url);
      const action = await options.platform.openExternal(allowed);
      return action === 'opened' ? { action } : { action, url: allowed };
    },
  };
}
