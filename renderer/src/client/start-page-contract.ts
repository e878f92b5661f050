import { appEvents, appMethods } from '../../../shared/contract/app';
import { associationEvents, associationMethods } from '../../../shared/contract/associations';
import { awsEvents, awsMethods } from '../../../shared/contract/aws';
import { checkEvents, checkMethods } from '../../../shared/contract/checks';
import { groupEvents, groupMethods } from '../../../shared/contract/groups';
import { healthEvents, healthMethods } from '../../../shared/contract/health';
import { terraformEvents, terraformMethods } from '../../../shared/contract/terraform';
import type { ContractDomain } from './contract-registry';

/**
 * The domains the dashboard and the window's frame use from the first paint, parsed without waiting:
 * health and checks (the table), associations (its rows and the clash alert), AWS (the MFA and
 * sign-in prompts on every page), Terraform (drift, and runs refreshing the caches), groups and app.
 * Every other domain registers with the data hooks of the pages that call it.
 */
export const startPageContract: readonly ContractDomain[] = [
  { methods: appMethods, events: appEvents },
  { methods: groupMethods, events: groupEvents },
  { methods: associationMethods, events: associationEvents },
  { methods: checkMethods, events: checkEvents },
  { methods: healthMethods, events: healthEvents },
  { methods: awsMethods, events: awsEvents },
  { methods: terraformMethods, events: terraformEvents },
];
