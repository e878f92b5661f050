import { groupComments, sortGroups } from './group-comments';
import { attr, blank, block, comment, comments, list, str, type HclBodyItem } from './hcl-syntax';
import { hclHeader } from './liaison-header';
import { GCP_MODULE_SOURCE, MODULE_VERSIONS } from './module-catalog';
import { moduleAddress, sourceAttrs } from './module-source';
import { issuerUrl } from './platform-environment';
import type { GcpWorkspaceSpec } from './workspace-spec';

/** The body of a GCP project's `main.tf`: one module instance for every group associated with it. */
export function gcpMainTf(spec: GcpWorkspaceSpec): HclBodyItem[] {
  const groups = sortGroups(spec.groups);
  const legacy = MODULE_VERSIONS[spec.moduleVersion].generation === 'legacy';
  const groupIds = list(groups.map((group) => str(group.id)));
  return [
    ...hclHeader(`GCP project ${spec.projectId} (number ${spec.projectNumber})`),
    comment(`Platform environment ${spec.environment} (issuer ${issuerUrl(spec.environment)}).`),
    blank,
    // The module uses both providers; setting the project on each keeps every resource in this project.
    block('provider', ['google'], [attr('project', str(spec.projectId))]),
    blank,
    block('provider', ['google-beta'], [attr('project', str(spec.projectId))]),
    blank,
    ...(groups.length === 0
      ? comments(
          'No group is associated with this project any more. Applying this file removes the',
          'resources Liaison set up here; the providers stay so that Terraform can do that.',
        )
      : [
          ...groupComments(groups),
          block(
            'module',
            ['gcp-impersonation'],
            [
              ...sourceAttrs(moduleAddress(spec.moduleSource, GCP_MODULE_SOURCE, spec.moduleVersion)),
              blank,
              ...(legacy
                ? [attr('enforce_group_ids', groupIds), attr('google_project_id', str(spec.projectId))]
                : [
                    attr('group_ids', groupIds),
                    attr('project_id', str(spec.projectId)),
                    attr('environment', str(spec.environment)),
                  ]),
            ],
          ),
        ]),
  ];
}
