import { resolvePath } from '../builtins.ts'
import { readInput } from '../input.ts'
import type { CommandIO, FileInfo, Program } from '../program.ts'
import { strftime } from './basic.ts'
import { unmodelledOption } from './filters.ts'

/**
 * Commands on the container's files (read-only here: see fs.ts): `cat`, `ls`, `pwd`. Relative
 * paths are taken from the shell's working directory.
 * @see busybox coreutils/cat.c, ls.c, pwd.c at 1_25_1
 */

export function* cat(args: string[], io: CommandIO): Program {
  const { ctx, out } = io
  const flags = args.filter((a) => a.startsWith('-') && a !== '-').flatMap((a) => [...a.slice(1)])
  const refused = yield* unmodelledOption('cat', flags, '')
  if (refused !== null) return refused
  const files = args.filter((a) => a === '-' || !a.startsWith('-'))
  let status = 0
  for (const f of files.length === 0 ? ['-'] : files) {
    if (f === '-') {
      // stdin as it comes: a line at a time on a TTY, chunks from a pipe, until end of file.
      for (;;) {
        const r = yield* readInput(io)
        if (r.kind === 'eof') break
        if (r.kind === 'data') yield { kind: 'out', stream: out, text: r.text }
      }
      continue
    }
    const content = ctx.process.files.read(resolvePath(ctx.cwd.path, f))
    if (content === null) {
      yield { kind: 'out', stream: 2, text: `cat: can't open '${f}': No such file or directory\n` }
      status = 1
    } else if (content !== '') yield { kind: 'out', stream: out, text: content }
  }
  return status
}

export function* pwd(_args: string[], { ctx, out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: `${ctx.cwd.path}\n` }
  return 0
}

/** busybox ls -C: names down the columns, as many columns as the width holds, two spaces apart. */
export function columns(names: string[], width: number): string {
  if (names.length === 0) return ''
  const colWidth = Math.max(...names.map((n) => n.length)) + 2
  const cols = Math.max(1, Math.floor((width + 2) / colWidth))
  const rows = Math.ceil(names.length / cols)
  let out = ''
  for (let r = 0; r < rows; r++) {
    const line: string[] = []
    for (let c = 0; c < cols; c++) {
      const name = names[c * rows + r]
      if (name !== undefined) line.push(name)
    }
    out += `${line.map((n, i) => (i === line.length - 1 ? n : n.padEnd(colWidth))).join('')}\n`
  }
  return out
}

/** 1 KiB blocks a file takes on a 4 KiB-block filesystem (`total` and `ls -s`). */
const blocks = (info: FileInfo) => Math.ceil(info.size / 4096) * 4

/**
 * One `ls -l` line as busybox prints it: mode, links, owner, group, size, time, name.
 * Files carry no time of their own here: every entry shows the time the container was created.
 */
function longLine(name: string, info: FileInfo, links: number, mtime: number): string {
  const mode = info.dir ? 'drwxr-xr-x' : '-rw-r--r--'
  return `${mode} ${String(links).padStart(4)} root     root     ${String(info.size).padStart(9)} ${strftime('%b %e %H:%M', mtime)} ${name}\n`
}

/**
 * `ls [-1laCd] [PATH…]`: the working directory by default. On a terminal the names go in
 * columns that fit its width (a 0×0 pty counts as 80); through a pipe or a log, one a line;
 * `-l` in long format with the `total` line, `-a` with `.` and `..` and the dot files.
 */
export function* ls(args: string[], { ctx, out }: CommandIO): Program {
  const flags = args.filter((a) => /^-[a-zA-Z1]+$/.test(a)).join('')
  const refused = yield* unmodelledOption('ls', flags.replace(/-/g, ''), '1laACdF')
  if (refused !== null) return refused
  const long = flags.includes('l')
  const all = flags.includes('a')
  const dirItself = flags.includes('d')
  const oneLine = flags.includes('1') || (ctx.terminal === null && !flags.includes('C'))
  const width = ctx.terminal === null || ctx.terminal.cols === 0 ? 80 : ctx.terminal.cols
  const files = ctx.process.files
  const mtime = ctx.process.created
  const operands = args.filter((a) => !/^-[a-zA-Z1]+$/.test(a))
  const paths = operands.length === 0 ? ['.'] : operands
  const format = (entries: Array<{ name: string; info: FileInfo; path: string }>): string => {
    if (long) {
      return entries
        .map((e) => {
          const links = e.info.dir
            ? 2 +
              (files.list(e.path) ?? []).filter(
                (n) => files.stat(resolvePath(e.path, n))?.dir === true,
              ).length
            : 1
          return longLine(e.name, e.info, links, mtime)
        })
        .join('')
    }
    const names = entries.map((e) => e.name)
    return oneLine ? names.map((n) => `${n}\n`).join('') : columns(names, width)
  }
  let status = 0
  let text = ''
  const loose: Array<{ name: string; info: FileInfo; path: string }> = []
  const dirs: Array<{ name: string; path: string }> = []
  for (const p of paths) {
    const path = resolvePath(ctx.cwd.path, p)
    const info = files.stat(path)
    if (info === null) {
      yield { kind: 'out', stream: 2, text: `ls: ${p}: No such file or directory\n` }
      status = 1
    } else if (info.dir && !dirItself) dirs.push({ name: p, path })
    else loose.push({ name: p, info, path })
  }
  text += format(loose)
  for (const [i, d] of dirs.entries()) {
    const names = (files.list(d.path) ?? []).filter((n) => all || !n.startsWith('.'))
    const entries = names.flatMap((name) => {
      const path = resolvePath(d.path, name)
      const info = files.stat(path)
      return info === null ? [] : [{ name, info, path }]
    })
    if (all) {
      const self = files.stat(d.path) ?? { dir: true, size: 4096 }
      const parent = files.stat(resolvePath(d.path, '..')) ?? self
      entries.unshift(
        { name: '.', info: self, path: d.path },
        { name: '..', info: parent, path: resolvePath(d.path, '..') },
      )
    }
    const heading = paths.length > 1 ? `${i > 0 || loose.length > 0 ? '\n' : ''}${d.name}:\n` : ''
    const total = long ? `total ${entries.reduce((n, e) => n + blocks(e.info), 0)}\n` : ''
    text += heading + total + format(entries)
  }
  if (text !== '') yield { kind: 'out', stream: out, text }
  return status
}
