import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../../tests/source-files.ts'

/**
 * No import circles inside src/daemon (type-only imports count: a circle of types still ties
 * two files into one unit of change). A circle between engine.ts and networking.ts was broken
 * by giving networking.ts a narrow interface of its own (NetworkStore); shell/program.ts holds
 * the types the interpreter and its builtins share.
 */

const ROOT = import.meta.dirname

/** Relative imports and re-exports of each file, as absolute paths. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const deps: string[] = []
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms)) {
      const target = resolve(dirname(file), m[1] ?? '')
      if (known.has(target)) deps.push(target)
    }
    graph.set(file, deps)
  }
  return graph
}

/** Strongly connected components with more than one file (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w === undefined) break
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('src/daemon imports', () => {
  it('form no circle', () => {
    const graph = importGraph(sourceFiles(ROOT))
    expect(graph.size).toBeGreaterThan(50)
    const named = circles(graph).map((c) => c.map((f) => relative(ROOT, f)))
    expect(named).toEqual([])
  })

  it('the check finds a circle, type-only or through several files', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(circles(graph)).toEqual([['a', 'b', 'c']])
    const engine = join(ROOT, 'engine.ts')
    const lifecycle = join(ROOT, 'engine', 'lifecycle.ts')
    // The real parser sees `import type` and multi-line imports: engine.ts → engine/lifecycle.ts.
    expect(importGraph([engine, lifecycle]).get(engine)).toContain(lifecycle)
    expect(
      importGraph([join(ROOT, 'model', 'networking.ts')]).get(join(ROOT, 'model', 'networking.ts')),
    ).toEqual([])
  })
})
