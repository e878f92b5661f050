import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import type { EksServiceAccountRole } from '../../../../../shared/contract/role-recipes';
import {
  kubectlAnnotateCommand,
  serviceAccountManifest,
} from '../../../../../shared/terraform/eks-service-account-role-tf';
import { CodeBlock } from '../../../components/CodeBlock';
import { copyAndSay } from '../../../components/copy-text';
import { downloadExport } from '../../../queries/health';

type Names = Pick<EksServiceAccountRole, 'accountId' | 'roleName' | 'namespace' | 'serviceAccount'>;

/** Seed 004's last step: the service account annotated with the role, as a command to copy or a manifest to download. */
export function ServiceAccountAnnotation({ role }: { role: Names }) {
  const commandRef = useRef<HTMLDivElement>(null);
  const command = kubectlAnnotateCommand(role);
  const copy = (): Promise<void> => copyAndSay(command, commandRef.current, 'command');
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="h6" component="h3">
        Service account
      </Typography>
      <Typography>
        Pods running as {role.namespace}/{role.serviceAccount} assume the role once the service account carries its ARN:
      </Typography>
      <div ref={commandRef}>
        <CodeBlock label="kubectl annotate command">{command}</CodeBlock>
      </div>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          Copy command
        </Button>
        <Button
          startIcon={<DownloadIcon />}
          onClick={() =>
            downloadExport({
              fileName: `${role.namespace}-${role.serviceAccount}-serviceaccount.yaml`,
              mimeType: 'application/yaml',
              content: serviceAccountManifest(role),
            })
          }
        >
          Download ServiceAccount manifest
        </Button>
      </Stack>
    </Stack>
  );
}
