import { driftCellSx } from './DriftFlag';
import { ROW_HEIGHT } from './HealthTableRow';
import { verdictBadgeSx } from './VerdictChip';

/**
 * Select, group, cloud, account or project, verdict, platform, last checked, duration, last 30, drift.
 * The minimums fit the content area of a 1280-pixel window beside the navigation (about 985 px once the
 * body's scrollbar gutter is reserved), so a common laptop screen shows every column without scrolling
 * sideways: a 12-digit account, the "Needs sign-in" badge, "Not registered", "Not checked".
 */
const TEMPLATE = '44px minmax(90px, 1.3fr) 64px minmax(124px, 1fr) minmax(128px, 1.2fr) 116px 100px 90px 104px 100px';
/** The columns' minimum widths. */
const MIN_WIDTH = 960;

/**
 * One style sheet for the whole table: cells carry class names, not a styled component or `sx` each,
 * so mounting a row costs no style computation.
 */
export const healthTableSx = {
  display: 'block',
  minWidth: MIN_WIDTH,
  borderSpacing: 0,
  typography: 'body2',
  '& thead, & tbody': { display: 'block' },
  // The header reserves the body's scrollbar gutter so the columns line up.
  '& thead': { overflowY: 'hidden', scrollbarGutter: 'stable', bgcolor: 'action.hover' },
  // As tall as its rows, up to a screenful: one association does not push the settings off the page.
  '& tbody': { maxHeight: 'min(60vh, 592px)', overflowY: 'auto', scrollbarGutter: 'stable' },
  '& tr': { display: 'grid', gridTemplateColumns: TEMPLATE, alignItems: 'center' },
  '& tr.spacer': { display: 'block' },
  '& thead tr': { minHeight: 48, borderBottom: 1, borderColor: 'divider' },
  '& th': {
    typography: 'subtitle2',
    textAlign: 'left',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  '& th, & td': { px: 1, minWidth: 0 },
  '& .number': { textAlign: 'right' },
  '& th.number .MuiTableSortLabel-root': { flexDirection: 'row-reverse' },
  '& .checkbox': { display: 'flex', justifyContent: 'center' },
  '& input[type="checkbox"]': {
    width: 18,
    height: 18,
    m: 0,
    cursor: 'pointer',
    accentColor: 'var(--mui-palette-primary-main)',
    '&:disabled': { cursor: 'default' },
  },
  '& .ellipsis': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The look of MUI's Link.
  '& .group-link': {
    color: 'primary.main',
    textDecorationColor: 'rgba(var(--mui-palette-primary-mainChannel) / 0.4)',
    '&:hover': { textDecorationColor: 'inherit' },
  },
  '& .verdict-reason': { typography: 'caption', color: 'text.secondary', mt: '2px' },
  '& .platform-bad': { color: 'error.main' },
  '& .platform-unset': { color: 'text.secondary' },
  '& .group-id': { typography: 'caption', fontFamily: 'monospace', color: 'text.secondary' },
  '& .empty': { gridColumn: '1 / -1', p: 3, color: 'text.secondary' },
  '& tbody tr[data-row-index]': {
    height: ROW_HEIGHT,
    borderBottom: 1,
    borderColor: 'divider',
    '&:hover': { bgcolor: 'action.hover' },
    '&[aria-selected="true"]': { bgcolor: 'action.selected' },
    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
  },
  ...verdictBadgeSx,
  ...driftCellSx,
} as const;
