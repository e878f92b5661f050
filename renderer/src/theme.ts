import { createTheme } from '@mui/material/styles';

// System fonts only: the CSP allows no remote fonts, and a desktop app should look native.
const SYSTEM_FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Noto Sans"',
  '"Liberation Sans"',
  'Arial',
  'sans-serif',
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(', ');

export const MONOSPACE_FONTS = [
  'ui-monospace',
  'SFMono-Regular',
  '"SF Mono"',
  'Menlo',
  'Consolas',
  '"Liberation Mono"',
  '"DejaVu Sans Mono"',
  'monospace',
].join(', ');

const FOCUS_RING = '2px solid var(--mui-palette-primary-main)';

/** No transition, ripple or smooth scroll: for `prefers-reduced-motion: reduce`. */
const REDUCED_MOTION = {
  transitions: {
    create: () => 'none',
    duration: {
      shortest: 0,
      shorter: 0,
      short: 0,
      standard: 0,
      complex: 0,
      enteringScreen: 0,
      leavingScreen: 0,
    },
  },
} as const;

/**
 * Light and dark schemes as CSS variables, switched by `prefers-color-scheme` (the default selector
 * when both schemes exist), so the app follows the system without any script. With reduced motion
 * every MUI transition is off (a theme switch, a dialog or a drawer changes at once) and so is the
 * button ripple.
 */
export function createLiaisonTheme({ reducedMotion }: { reducedMotion: boolean }) {
  return createTheme({
    ...(reducedMotion ? REDUCED_MOTION : {}),
    cssVariables: true,
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#2f4fb5' },
          // Darker than MUI's default orange, so warning text on white meets WCAG AA (4.5:1).
          warning: { main: '#b45309' },
          background: { default: '#f6f7fb', paper: '#ffffff' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#9db1ff' },
          // Lighter than MUI's default red, so a contained "Delete" gets dark text that meets WCAG AA.
          // The dark shades are what a filled Alert (the notification snackbar) is drawn on in this
          // scheme, under white text: MUI's defaults (#388e3c success, #0288d1 info) give about 4:1,
          // under AA's 4.5:1. These give 6.5:1 or more.
          error: { main: '#f28b82', dark: '#b3261e' },
          success: { main: '#66bb6a', dark: '#1b5e20' },
          info: { main: '#29b6f6', dark: '#01579b' },
          background: { default: '#121418', paper: '#1b1e24' },
        },
      },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: SYSTEM_FONTS,
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // One visible focus ring for everything reachable by keyboard, in both schemes.
          ':focus-visible': { outline: FOCUS_RING, outlineOffset: '2px' },
          // Containers focused by script (main after "Skip to content", dialogs) need no ring.
          '[tabindex="-1"]:focus': { outline: 'none' },
          'code, kbd, samp': { fontFamily: MONOSPACE_FONTS },
          // Nothing scrolls smoothly, and no transition of the app's own CSS runs, when the system asks for less motion.
          '@media (prefers-reduced-motion: reduce)': {
            html: { scrollBehavior: 'auto' },
            '*, *::before, *::after': { transitionDuration: '0s !important', scrollBehavior: 'auto !important' },
          },
        },
      },
      // The focus ring above says it all; the pulsing focus ripple on top of it is noise.
      MuiButton: { defaultProps: { disableFocusRipple: true } },
      MuiIconButton: { defaultProps: { disableFocusRipple: true } },
      MuiButtonBase: {
        defaultProps: { disableRipple: reducedMotion },
        styleOverrides: { root: { '&.Mui-focusVisible': { outline: FOCUS_RING, outlineOffset: '2px' } } },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
    },
  });
}
