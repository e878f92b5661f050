import { Alert, Button } from '@mui/material';
import { Link } from 'react-router';
import { navigation } from '../navigation';

export function NotFoundPage() {
  const start = navigation[0];
  return (
    <Alert
      severity="info"
      action={
        <Button component={Link} to={`/${start.path}`} color="inherit">
          Go to {start.title}
        </Button>
      }
    >
      There is no page here.
    </Alert>
  );
}
