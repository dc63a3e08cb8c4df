// Docker's CLI error texts (docker/cli 20.10–27: cli/required.go, cli/flags FlagErrorFunc,
// cmd/docker/docker.go) and the exit codes that go with them: a flag error is a StatusError
// with 125; a wrong argument count or an unknown command is a plain error, so docker exits 1.

export interface CliError {
  /** what docker prints on stderr, without the final newline */
  message: string;
  exitCode: number;
}

/** `unknown flag: --foo` + `See 'docker run --help'.`; a command with subcommands adds its usage. */
export function flagError(detail: string, commandPath: string, usageOfGroup?: string): CliError {
  const usage = usageOfGroup === undefined ? '' : '\n\n' + usageOfGroup;
  return { message: `${detail}\nSee '${commandPath} --help'.${usage}`, exitCode: 125 };
}

/** pflag's wording for a value its type (or validator) refuses. */
export function invalidValue(raw: string, flagLabel: string, reason: string): string {
  return `invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel)} flag: ${reason}`;
}

/** `-m, --memory` or `--name`, the way pflag names a flag in errors. */
export function flagLabel(name: string, short?: string): string {
  return short ? `-${short}, --${name}` : `--${name}`;
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/**
 * `"docker rm" requires at least 1 argument.` + help hint + usage + description, choosing
 * among NoArgs, ExactArgs, RequiresMinArgs, RequiresMaxArgs and RequiresRangeArgs as Docker's
 * commands do.
 */
export function argCountError(
  commandPath: string, useLine: string, description: string, min: number, max: number | undefined,
): CliError {
  let need: string;
  if (max === 0) need = 'accepts no arguments';
  else if (max === undefined) need = `requires at least ${min} ${plural(min)}`;
  else if (min === max) need = `requires exactly ${min} ${plural(min)}`;
  else if (min === 0) need = `requires at most ${max} ${plural(max)}`;
  else need = `requires at least ${min} and at most ${max} ${plural(max)}`;
  return {
    message: `"${commandPath}" ${need}.\nSee '${commandPath} --help'.\n\nUsage:  ${useLine}\n\n${description}`,
    exitCode: 1,
  };
}

export function unknownCommand(name: string): CliError {
  return { message: `docker: '${name}' is not a docker command.\nSee 'docker --help'`, exitCode: 1 };
}

/**
 * How `docker run`/`create` report a failure after parsing (cli/command/container's
 * reportError): `docker: <message>.` + `See 'docker run --help'.`, exit 125.
 */
export function commandFailure(commandPath: string, message: string, exitCode = 125): CliError {
  const text = message.replace(/\.$/, '') + '.';
  return { message: `docker: ${text}\nSee '${commandPath} --help'.`, exitCode };
}

/**
 * The exit status of a `docker run` whose container could not start, from the daemon's
 * message (runStartContainerErr): 127 when the command is missing, 126 when it cannot be
 * executed, else 125.
 */
export function startFailureExitCode(message: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message)) {
    return 127;
  }
  if (/permission denied|is a directory/.test(message)) return 126;
  return 125;
}
