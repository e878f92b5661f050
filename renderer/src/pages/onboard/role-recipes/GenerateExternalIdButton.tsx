import { Button } from '@mui/material';
import { useNewExternalId } from '../../../queries/role-recipes';

/** A fresh External ID from the main process (32 random bytes), for the vendor. */
export function GenerateExternalIdButton({ onGenerated }: { onGenerated: (externalId: string) => void }) {
  const newExternalId = useNewExternalId();
  return (
    <Button
      sx={{ mt: 1 }}
      disabled={newExternalId.isPending}
      onClick={() => {
        void newExternalId.mutateAsync().then(({ externalId }) => onGenerated(externalId));
      }}
    >
      Generate
    </Button>
  );
}
