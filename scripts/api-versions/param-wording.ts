/**
 * The markdown references rarely name a type outright; they word it ("Boolean value",
 * "1/True/true or 0/False/false", "A list of", "An integer value"). These rules read that
 * wording. A parameter whose text says none of it is `unspecified`, never guessed.
 */
import type { ParamType } from '../../src/domain/schemas/api-versions.ts'

const RULES: readonly [RegExp, ParamType][] = [
  // "a string or unsigned integer", "integer or string", "`all` or `<number>`": two offered.
  [
    /\bstring or (an? )?(unsigned )?integer\b|\binteger or string\b|`all` or `<number>`/i,
    'unspecified',
  ],
  [/1\/true\/true|0\/false\/false|\bboolean\b|\bbool\b|^\s*true\b|^\s*false\b/i, 'boolean'],
  [/\b(a|an) (json )?(list|array)\b|\blist of\b|\barray of\b|\bjson array\b/i, 'array'],
  [
    /\b(an?|json) (object|map)\b|\bmap of\b|\bjson map\b|json encoded value|json-encoded/i,
    'object',
  ],
  [/\binteger\b|\bint\b|\bnumber of\b|\bin bytes\b/i, 'integer'],
  [/\bstring\b/i, 'string'],
]

/** The type the parameter's text words, in order of how specific the wording is. */
export function inferType(text: string, kind: 'query' | 'body' | 'header'): ParamType {
  // Headers are strings on the wire whatever their content.
  if (kind === 'header') return 'string'
  // JSON in a query string ("a JSON encoded value of the filters") travels as a string.
  if (kind === 'query' && /\bjson\b/i.test(text)) return 'string'
  for (const [pattern, type] of RULES) if (pattern.test(text)) return type
  return 'unspecified'
}

const DEFAULTS: readonly RegExp[] = [
  /\bdefaults? to `([^`]+)`/i,
  /\bdefaults? to ([\w./:-]+)/i,
  /\bdefault(?: is|:)? `([^`]+)`/i,
  /\bdefault(?: value)?(?: is|:)\s*([\w./:-]+)/i,
  /\bdefault ([\w-]+)\b/i,
  /`([^`]+)` by default/i,
]

/** The value a "Default `false`" / "defaults to `-ef`" / "Default: 0" phrase gives. */
export function inferDefault(text: string): string | undefined {
  for (const pattern of DEFAULTS) {
    const value = pattern.exec(text)?.[1]?.replace(/[.,;]$/, '')
    if (value && !/^(behaviou?r|value|is|the|of|not|to|a|an|for|when|if)$/i.test(value))
      return value
  }
  return undefined
}
