/**
 * The app's variables a program Liaison runs may see: enough to find programs, a home, a temp dir, a
 * locale and its own configuration directories. No AWS_*, GOOGLE_*, CLOUDSDK_* or other credentials.
 */
const INHERITED = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_RUNTIME_DIR',
  // Windows: what a program needs to start and find its profile.
  'SystemRoot',
  'windir',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'PATHEXT',
  'ComSpec',
] as const;

export function minimalProgramEnv(
  appEnv: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = appEnv[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}
