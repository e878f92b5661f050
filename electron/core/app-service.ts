import type { MethodOutput, ParsedInput } from '../../shared/api';
import type { appMethods } from '../../shared/contract/app';
import type { ServiceFor } from './contract-service';
import { assertAllowedExternalUrl } from './external-links';
import type { HostPlatform } from './platform';

/** What the app says about itself, and links it opens in the operator's browser. */
export class AppService implements ServiceFor<typeof appMethods> {
  constructor(private readonly options: { platform: HostPlatform; dataDir: string; version: string }) {}

  getAppInfo(): MethodOutput<'getAppInfo'> {
    return {
      name: 'Liaison',
      version: this.options.version,
      host: this.options.platform.host,
      dataDir: this.options.dataDir,
    };
  }

  async openExternal({ url }: ParsedInput<'openExternal'>): Promise<MethodOutput<'openExternal'>> {
    const allowed = assertAllowedExternalUrl(url);
    const action = await this.options.platform.openExternal(allowed);
    return action === 'opened' ? { action } : { action, url: allowed };
  }
}
