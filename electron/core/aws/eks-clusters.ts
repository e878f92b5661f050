import { DescribeClusterCommand, EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import { IAMClient, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import type { EksCluster } from '../../../shared/contract/role-recipes';
import { issuerHostPath, normaliseIssuerUrl } from '../../../shared/oidc-issuer-url';
import type { LookupKeys } from './existing-oidc-provider';

/** Clusters listed at most (a picker of more is no picker). */
const MAX_CLUSTERS = 100;

/**
 * The account's EKS clusters in a region, each with its OIDC issuer (ListClusters, then
 * DescribeCluster for each) and whether the account already has the IAM OIDC provider for that
 * issuer (ListOpenIDConnectProviders, matched by ARN suffix as IAM names providers).
 */
export async function listEksClusters(
  keys: LookupKeys,
  target: { profile: string; region: string; accountId: string },
  options: { requestTimeoutMs?: number } = {},
): Promise<EksCluster[]> {
  const credentials = {
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    ...(keys.sessionToken === undefined ? {} : { sessionToken: keys.sessionToken }),
  };
  const config = {
    region: target.region,
    profile: target.profile,
    credentials,
    maxAttempts: 3,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 15_000, connectionTimeout: 5_000 },
  };
  const eks = new EKSClient(config);
  const iam = new IAMClient(config);
  try {
    const names: string[] = [];
    for await (const page of paginateListClusters({ client: eks }, {})) {
      names.push(...(page.clusters ?? []));
      if (names.length >= MAX_CLUSTERS) break;
    }
    const { OpenIDConnectProviderList: providers = [] } = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    const providerArns = providers.map((each) => each.Arn ?? '');
    const clusters: EksCluster[] = [];
    for (const name of names.slice(0, MAX_CLUSTERS).sort()) {
      const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
      const issuer = normaliseIssuerUrl(cluster?.identity?.oidc?.issuer ?? '');
      clusters.push({
        name,
        ...(issuer === undefined ? {} : { issuerUrl: issuer }),
        oidcProviderExists:
          issuer !== undefined &&
          providerArns.some(
            (arn) => arn.split(':')[4] === target.accountId && arn.endsWith(`:oidc-provider/${issuerHostPath(issuer)}`),
          ),
      });
    }
    return clusters;
  } finally {
    eks.destroy();
    iam.destroy();
  }
}
