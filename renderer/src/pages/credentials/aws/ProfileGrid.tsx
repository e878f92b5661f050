import { styled } from '@mui/material/styles';
import { MONOSPACE_FONTS } from '../../../theme';

export const ROW_HEIGHT = 60;
/** Select, name, type, account, region, source, identity, actions. */
export const PROFILE_COLUMNS = '44px minmax(9rem, 1.4fr) 8rem 8.5rem 7rem minmax(6rem, 1fr) minmax(14rem, 3fr) 6.5rem';

export const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * The profiles grid's styles, once for the whole table: header and rows are plain elements with
 * these classes rather than `sx` and MUI components, whose styles are computed again for every row
 * rendered (and a keystroke that changes the filter renders every row in view).
 */
export const ProfileGrid = styled('div')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    '& .profile-header': {
      display: 'grid',
      gridTemplateColumns: PROFILE_COLUMNS,
      alignItems: 'center',
      borderBottom: `1px solid ${palette.divider}`,
      backgroundColor: palette.action.hover,
      minHeight: 44,
    },
    '& .profile-header-label': { ...theme.typography.subtitle2, paddingInline: theme.spacing(1) },
    '& .profile-rows': { position: 'relative' },
    '& .profile-row': {
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: ROW_HEIGHT,
      display: 'grid',
      gridTemplateColumns: PROFILE_COLUMNS,
      alignItems: 'center',
      borderBottom: `1px solid ${palette.divider}`,
      '&[aria-selected="true"]': { backgroundColor: palette.action.selected },
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: -2 },
    },
    '& .profile-cell': { paddingInline: theme.spacing(1), minWidth: 0 },
    '& .profile-cell-select': { paddingInline: theme.spacing(0.5) },
    '& .profile-note': {
      ...theme.typography.caption,
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.25),
      marginRight: theme.spacing(1),
      color: palette.text.secondary,
    },
    '& .profile-note-warning': { color: palette.warning.dark },
    '& .profile-chips': { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
    // MUI's small Chip, without a component per chip.
    '& .profile-chip': {
      display: 'inline-flex',
      alignItems: 'center',
      height: 24,
      paddingInline: 8,
      borderRadius: 12,
      fontSize: theme.typography.pxToRem(13),
      whiteSpace: 'nowrap',
      color: palette.text.primary,
      backgroundColor: palette.action.selected,
      border: '1px solid transparent',
    },
    '& .profile-chip-outlined': {
      backgroundColor: 'transparent',
      borderColor: palette.divider,
    },
    '& .profile-chip-mfa': {
      backgroundColor: 'transparent',
      color: palette.secondary.main,
      borderColor: palette.secondary.main,
    },
    // Native controls, drawn like MUI's small Checkbox, Link and outlined / contained Button: a row
    // in view is re-rendered on every keystroke that changes the filter, and MUI's are several
    // components each.
    '& .profile-checkbox': {
      width: 18,
      height: 18,
      margin: 11,
      accentColor: palette.primary.main,
      cursor: 'pointer',
      verticalAlign: 'middle',
    },
    '& .profile-name': {
      ...ellipsis,
      display: 'block',
      maxWidth: '100%',
      padding: 0,
      border: 0,
      background: 'none',
      font: 'inherit',
      fontWeight: 600,
      textAlign: 'left',
      color: palette.primary.main,
      textDecoration: 'underline',
      // As MUI's Link: the underline lighter than the text.
      textDecorationColor: 'color-mix(in srgb, currentColor 40%, transparent)',
      '&:hover': { textDecorationColor: 'currentColor' },
      textUnderlineOffset: 2,
      cursor: 'pointer',
    },
    '& .profile-action': {
      ...theme.typography.button,
      fontSize: theme.typography.pxToRem(13),
      minWidth: 64,
      padding: '3px 9px',
      borderRadius: theme.shape.borderRadius,
      border: `1px solid ${palette.primary.main}`,
      color: palette.primary.main,
      backgroundColor: 'transparent',
      cursor: 'pointer',
      '&:hover': { backgroundColor: palette.action.hover },
      '&:disabled': {
        cursor: 'default',
        color: palette.action.disabled,
        borderColor: palette.action.disabledBackground,
      },
    },
    '& .profile-action-contained': {
      color: palette.primary.contrastText,
      backgroundColor: palette.primary.main,
      '&:hover': { backgroundColor: palette.primary.dark },
    },
    '& .profile-account': { fontFamily: MONOSPACE_FONTS, fontSize: '0.85rem' },
    '& .profile-region': ellipsis,
    '& .profile-secondary': { ...theme.typography.body2, ...ellipsis, color: palette.text.secondary },
  };
});
