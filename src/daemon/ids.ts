import { notFound, untyped } from './errors.ts'

/**
 * Ids, name validation, unique-prefix lookup and Docker-style random names.
 * @see moby pkg/stringid/stringid.go, pkg/truncindex/truncindex.go, pkg/namesgenerator at v1.12.6
 */

/** A small deterministic PRNG (splitmix32) whose state fits in a snapshot. */
export class Prng {
  state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0
    let z = this.state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  /** 0 ≤ n < max */
  int(max: number): number {
    return this.next() % max
  }
}

export const HEX64 = /^[0-9a-f]{64}$/

/**
 * 64 lowercase hex digits. Like `stringid.GenerateRandomID`, ids whose 12-character short form
 * is all digits are skipped, so a short id can never be mistaken for a number.
 */
export function hexId(prng: Prng): string {
  for (;;) {
    let s = ''
    for (let i = 0; i < 8; i++) s += prng.next().toString(16).padStart(8, '0')
    if (!/^\d{12}/.test(s)) return s
  }
}

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

/** @see moby utils/names.go `RestrictedNamePattern` */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/**
 * Sorted id list answering unique-prefix queries in O(log n), like truncindex's patricia trie.
 */
export class PrefixIndex {
  private ids: string[] = []

  add(id: string): void {
    const i = this.lowerBound(id)
    if (this.ids[i] !== id) this.ids.splice(i, 0, id)
  }

  delete(id: string): void {
    const i = this.lowerBound(id)
    if (this.ids[i] === id) this.ids.splice(i, 1)
  }

  clear(): void {
    this.ids = []
  }

  get size(): number {
    return this.ids.length
  }

  /**
   * The single id starting with `prefix`; undefined when none.
   * @throws an untyped error (→ 500) when the prefix is ambiguous, naming the second match as
   * truncindex's `ErrAmbiguousPrefix` does (pkg/truncindex/truncindex.go at v1.12.6).
   */
  find(prefix: string): string | undefined {
    const i = this.lowerBound(prefix)
    const first = this.ids[i]
    if (first === undefined || !first.startsWith(prefix)) return undefined
    const second = this.ids[i + 1]
    if (second?.startsWith(prefix)) {
      throw untyped(`Multiple IDs found with provided prefix: ${second}`)
    }
    return first
  }

  /** All ids (sorted). */
  all(): readonly string[] {
    return this.ids
  }

  private lowerBound(s: string): number {
    let lo = 0
    let hi = this.ids.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const v = this.ids[mid]
      if (v !== undefined && v < s) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Typed 404 `No such container: X` (daemon/container.go GetContainer). */
export const noSuchContainer = (name: string) => notFound(`No such container: ${name}`)

// Names in the style of pkg/namesgenerator: "adjective_surname" of a notable scientist or hacker.
const LEFT = [
  'admiring',
  'adoring',
  'agitated',
  'amazing',
  'angry',
  'awesome',
  'berserk',
  'big',
  'clever',
  'cocky',
  'compassionate',
  'condescending',
  'cranky',
  'desperate',
  'determined',
  'distracted',
  'dreamy',
  'drunk',
  'ecstatic',
  'elated',
  'elegant',
  'evil',
  'fervent',
  'focused',
  'furious',
  'gigantic',
  'gloomy',
  'goofy',
  'grave',
  'happy',
  'high',
  'hopeful',
  'hungry',
  'infallible',
  'jolly',
  'jovial',
  'kickass',
  'lonely',
  'loving',
  'mad',
  'modest',
  'naughty',
  'nauseous',
  'nostalgic',
  'peaceful',
  'pedantic',
  'pensive',
  'prickly',
  'reverent',
  'romantic',
  'sad',
  'serene',
  'sharp',
  'sick',
  'silly',
  'sleepy',
  'small',
  'stoic',
  'stupefied',
  'suspicious',
  'tender',
  'thirsty',
  'tiny',
  'trusting',
  'zen',
]
const RIGHT = [
  'albattani',
  'allen',
  'almeida',
  'archimedes',
  'ardinghelli',
  'aryabhata',
  'austin',
  'babbage',
  'banach',
  'bardeen',
  'bartik',
  'bassi',
  'bell',
  'bhabha',
  'bhaskara',
  'blackwell',
  'bohr',
  'booth',
  'borg',
  'bose',
  'boyd',
  'brahmagupta',
  'brattain',
  'brown',
  'carson',
  'chandrasekhar',
  'colden',
  'cori',
  'cray',
  'curie',
  'darwin',
  'davinci',
  'dijkstra',
  'dubinsky',
  'easley',
  'einstein',
  'elion',
  'engelbart',
  'euclid',
  'euler',
  'fermat',
  'fermi',
  'feynman',
  'franklin',
  'galileo',
  'gates',
  'goldberg',
  'goldstine',
  'goldwasser',
  'golick',
  'goodall',
  'hamilton',
  'hawking',
  'heisenberg',
  'heyrovsky',
  'hodgkin',
  'hoover',
  'hopper',
  'hugle',
  'hypatia',
  'jang',
  'jennings',
  'jepsen',
  'joliot',
  'jones',
  'kalam',
  'kare',
  'keller',
  'khorana',
  'kilby',
  'kirch',
  'knuth',
  'kowalevski',
  'lalande',
  'lamarr',
  'leakey',
  'leavitt',
  'lichterman',
  'liskov',
  'lovelace',
  'lumiere',
  'mahavira',
  'mayer',
  'mccarthy',
  'mcclintock',
  'mclean',
  'mcnulty',
  'meitner',
  'meninsky',
  'mestorf',
  'minsky',
  'mirzakhani',
  'morse',
  'murdock',
  'newton',
  'nobel',
  'noether',
  'northcutt',
  'noyce',
  'panini',
  'pare',
  'pasteur',
  'payne',
  'perlman',
  'pike',
  'poincare',
  'poitras',
  'ptolemy',
  'raman',
  'ramanujan',
  'ride',
  'ritchie',
  'roentgen',
  'rosalind',
  'saha',
  'sammet',
  'shaw',
  'shirley',
  'shockley',
  'sinoussi',
  'snyder',
  'spence',
  'stallman',
  'stonebraker',
  'swanson',
  'swartz',
  'swirles',
  'tesla',
  'thompson',
  'torvalds',
  'turing',
  'varahamihira',
  'visvesvaraya',
  'volhard',
  'wescoff',
  'williams',
  'wilson',
  'wing',
  'wozniak',
  'wright',
  'yalow',
  'yonath',
]

/**
 * A random "adjective_surname" derived from the container id, so it is deterministic whenever
 * the id generator is. `retry` > 0 appends a digit, as namesgenerator.GetRandomName does on a
 * collision. ("boring_wozniak" is skipped: "Steve Wozniak is not boring".)
 */
export function randomName(id: string, retry: number): string {
  const prng = new Prng(Number.parseInt(id.slice(0, 8), 16) ^ Math.imul(retry, 0x27d4eb2d))
  for (;;) {
    const name = `${LEFT[prng.int(LEFT.length)]}_${RIGHT[prng.int(RIGHT.length)]}`
    if (name === 'boring_wozniak') continue
    return retry > 0 ? `${name}${prng.int(10)}` : name
  }
}
