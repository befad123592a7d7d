import type { CommandLookup, CommandProgram } from '../program.ts'
import { BUSYBOX_APPLETS } from './applets.ts'
import * as basic from './basic.ts'
import * as files from './files.ts'
import * as filters from './filters.ts'
import { nginx } from './nginx.ts'
import { ping } from './ping.ts'
import { ps } from './ps.ts'
import { shell } from './shells.ts'
import * as terminal from './terminal.ts'
import { testCommand } from './test.ts'
import { top } from './top.ts'

/**
 * THE table of commands the simulation knows: name → program, read by the container runtime
 * (a container's or an exec's command), by `sh -c` and by the interactive shell alike, so a
 * command behaves the same wherever it runs. Not here: the builtins that change the shell's
 * own state (`cd`, `export`, `read`, `exit`, `unset`, `:` — shell/builtins.ts), which exist
 * only inside a shell, as in ash.
 *
 * A name not in the table is either another busybox applet (applets.ts: "not modelled by this
 * simulated shell", status 127) or not in the image at all (inside a shell `sh: x: not found`,
 * status 127; as a container's command, runc's "executable file not found").
 *
 * `models` is the one line a newcomer reads to know what the simulation does with it;
 * src/daemon/README.md prints this table.
 */
export interface CommandSpec {
  run: CommandProgram
  models: string
  /**
   * As a container's PID 1, which the kernel shields from signals it has no handler for:
   * `ignored` (shells, sleep: `docker stop` waits, then SIGKILL, 137); `exits 0` (servers shut
   * down cleanly). Otherwise the process dies of SIGTERM (143).
   */
  sigterm?: 'ignored' | 'exits 0'
}

const SERVER: CommandSpec = {
  run: basic.server,
  models: 'a server in the foreground: quiet until stopped, exit 0 on SIGTERM',
  sigterm: 'exits 0',
}
const SH: CommandSpec = {
  run: shell('sh'),
  models: 'busybox ash: -c SCRIPT, a script file, or stdin (prompt `/ # ` on a TTY)',
  sigterm: 'ignored',
}

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  // Shells
  sh: SH,
  ash: SH,
  dash: SH,
  bash: {
    run: shell('bash'),
    models:
      "the same interpreter as bash: prompt `root@HOST:/# `, 'command not found'; not in busybox or alpine",
    sigterm: 'ignored',
  },
  // Output from arguments, environment and host
  echo: { run: basic.echo, models: 'arguments; -n, -e' },
  printf: { run: basic.printf, models: 'FORMAT with %s %d %i %x %o %c %%, escapes' },
  true: { run: basic.trueCommand, models: 'status 0' },
  false: { run: basic.falseCommand, models: 'status 1' },
  test: { run: testCommand('test'), models: 'strings, integers, -e/-f/-d/-s files, !, -a, -o' },
  '[': { run: testCommand('['), models: 'test, with the closing ]' },
  sleep: {
    run: basic.sleep,
    models: 'N[smhd] on the daemon clock; infinity until stopped',
    sigterm: 'ignored',
  },
  yes: { run: basic.yes, models: 'its line forever: 4 KiB per 100 ms time slice' },
  env: { run: basic.env, models: 'the variables (Config.Env, HOME, PATH, HOSTNAME)' },
  printenv: { run: basic.env, models: 'as env' },
  hostname: { run: basic.hostname, models: 'Config.Hostname' },
  whoami: { run: basic.whoami, models: 'root' },
  id: { run: basic.id, models: 'root, group wheel' },
  uname: { run: basic.uname, models: '-s -n -r -m -a: Linux, the hostname, 4.4.0-57-generic' },
  date: { run: basic.date, models: 'the daemon clock in UTC; +FORMAT, -u, -R' },
  which: { run: basic.which, models: '/bin/NAME for a name in this table or a busybox applet' },
  // Files (read-only: the image skeleton and what PUT /archive added)
  cat: { run: files.cat, models: 'files and stdin, until end of file' },
  ls: {
    run: files.ls,
    models: '-l -a -1 -C -d; the working directory; columns on a TTY, one a line otherwise',
  },
  pwd: { run: files.pwd, models: 'the working directory (Config.WorkingDir, then cd)' },
  // Filters
  grep: { run: filters.grep, models: 'basic/-E/-F patterns; -v -i -c -n -q; stdin or files' },
  wc: { run: filters.wc, models: '-l -w -c; stdin or one file' },
  head: { run: filters.head, models: '-n N, -nN, -N; stops reading once it has them' },
  tail: { run: filters.tail, models: '-n N; -f then waits (nothing is appended here)' },
  sort: { run: filters.sort, models: '-r -n -u; stdin or one file' },
  // Processes, terminal, network
  ps: { run: ps, models: "PID 1 the container's command, then the shell and ps" },
  top: {
    run: top,
    models: 'on a TTY: a screen every 5 s (-d N), repaint on resize, q quits; else quiet',
  },
  stty: { run: terminal.stty, models: 'size, -a (the pty set by resize); setting modes: no' },
  tty: { run: terminal.tty, models: '/dev/pts/0 on a TTY, else "not a tty", 1' },
  clear: { run: terminal.clear, models: 'the clear-screen escape' },
  ping: { run: ping, models: 'IP addresses and localhost answer, a reply a second; -c -i -s -q' },
  nc: { run: basic.nc, models: 'no network: reads stdin to its end, then exits 0' },
  // Servers of the images the simulated registry serves (api/images/registry.ts)
  nginx: {
    ...SERVER,
    run: nginx,
    models: 'a server in the foreground, exit 0 on SIGTERM; -v and -t answer and exit',
  },
  httpd: SERVER,
  'httpd-foreground': SERVER,
  'redis-server': SERVER,
  postgres: SERVER,
  mysqld: SERVER,
  memcached: SERVER,
  mongod: SERVER,
  'docker-entrypoint.sh': SERVER,
  pause: { ...SERVER, models: "the pod infrastructure container's /pause: sleeps until stopped" },
}

/** A command's name as run: `/bin/ls` is `ls`. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** The lookup every shell and the process start use. */
export const lookupCommand: CommandLookup = (name) => {
  const spec = Object.hasOwn(COMMANDS, baseName(name)) ? COMMANDS[baseName(name)] : undefined
  if (spec !== undefined) return { kind: 'command', run: spec.run }
  return BUSYBOX_APPLETS.has(baseName(name)) ? { kind: 'not-modelled' } : { kind: 'not-found' }
}
