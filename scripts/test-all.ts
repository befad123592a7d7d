/**
 * `npm test`: the static checks (tsc, Biome, knip) run beside one `vitest run` of every project,
 * not before it. Vitest spends its first seconds building the app for the end-to-end tests, and
 * tsc (single-threaded) fits in the CPU that leaves. Vitest's output streams as it comes; each
 * check's output is printed whole when it ends, so the two never interleave line by line.
 * Exits non-zero when anything failed, after everything has finished.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

const bin = (name: string) => resolve(import.meta.dirname, '../node_modules/.bin', name)

const CHECKS: [label: string, command: string, args: string[]][] = [
  ['typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint (biome check)', bin('biome'), ['check', '.']],
  ['dead code (knip)', bin('knip'), ['--no-progress']],
]

function check([label, command, args]: (typeof CHECKS)[number]): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code) => {
      const ok = code === 0
      const text = Buffer.concat(output).toString().trimEnd()
      process.stdout.write(
        `\n── ${label}: ${ok ? 'ok' : `FAILED (exit ${code})`}\n${text ? `${text}\n` : ''}`,
      )
      done(ok)
    })
  })
}

function vitest(): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(bin('vitest'), ['run'], { stdio: 'inherit' })
    child.on('error', () => done(false))
    child.on('close', (code) => done(code === 0))
  })
}

const results = await Promise.all([vitest(), ...CHECKS.map(check)])
const failed = ['vitest', ...CHECKS.map(([label]) => label)].filter((_, i) => !results[i])
if (failed.length > 0) {
  process.stdout.write(`\nnpm test failed: ${failed.join(', ')}\n`)
  process.exitCode = 1
}
