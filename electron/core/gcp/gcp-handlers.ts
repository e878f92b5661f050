import type { gcpMethods } from '../../../shared/contract/gcp';
import type { HandlersFor } from '../handler-types';
import type { GcpCredentialsService } from './gcp-credentials-service';

export function gcpHandlers(gcp: GcpCredentialsService): HandlersFor<typeof gcpMethods> {
  return {
    listGcpCredentials: () => gcp.list(),
    verifyGcpCredential: (input) => gcp.verify(input.credential),
    lookupGcpProject: (input) => gcp.lookupProject(input.credential, input.projectId),
    checkGcpImpersonation: (input) => gcp.checkImpersonation(input.credential, input.serviceAccount),
  };
}
