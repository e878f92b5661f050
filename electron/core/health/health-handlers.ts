import type { healthMethods } from '../../../shared/contract/health';
import type { HandlersFor } from '../handler-types';
import type { HealthService } from './health-service';

export function healthHandlers(health: HealthService): HandlersFor<typeof healthMethods> {
  return {
    getHealthOverview: () => health.overview(),
    startHealthRun: ({ associationIds }) => health.start(associationIds).status,
    cancelHealthRun: ({ runId }) => health.cancel(runId),
    getAssociationHistory: ({ associationId, limit }) => health.history(associationId, limit),
    exportHealthOverview: ({ format }) => health.exportOverview(format),
    exportAssociationHistory: ({ associationId, format }) => health.exportHistory(associationId, format),
    checkDrift: ({ workspaceKey }) => health.checkDrift(workspaceKey),
    checkAllDrift: () => health.checkAllDrift(),
    getHealthSettings: () => health.settings(),
    setHealthSettings: (settings) => health.setSettings(settings),
  };
}
