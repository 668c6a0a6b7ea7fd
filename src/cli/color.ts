/**
 * Whether to colour terminal output, by the common conventions: `--color` / `--no-color` win;
 * then FORCE_COLOR (on, unless "0" or "false"); then NO_COLOR (any non-empty value: off,
 * https://no-color.org); then colour only when writing to a terminal.
 */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return !!stream.isTTY;
}
