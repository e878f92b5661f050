import type { checkMethods } from '../../../shared/contract/checks';
import type { ServiceFor } from '../contract-service';
import type { ChecksService } from './checks-service';

export function checkHandlers(checks: ChecksService): ServiceFor<typeof checkMethods> {
  return {
    runAssociationCheck: ({ associationId }) => checks.run(associationId),
    listAssociationChecks: ({ associationId, limit }) => checks.list(associationId, limit),
    listTokenCommands: () => checks.tokenCommands(),
    setTokenCommand: ({ launchToken, ...command }) => checks.setTokenCommand(command, { launchToken }),
    removeTokenCommand: ({ environment }) => checks.removeTokenCommand(environment),
    testTokenCommand: ({ environment }) => checks.testTokenCommand(environment),
  };
}
