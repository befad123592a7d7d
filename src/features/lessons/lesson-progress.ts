import { useCallback, useSyncExternalStore } from 'react'
import { readStored, writeStored } from '../../lib/storage.ts'

/**
 * What a learner has done in each lesson, kept in localStorage like the daemon it ran on: the
 * values captured by the runner (`{{execId}}` …), the status each step got, and in predict
 * mode the status the learner predicted. A preference of the reader, not part of any link.
 */
export interface LessonProgress {
  /** Captured values, by variable name, as the scenario runner fills them. */
  vars: Record<string, string>
  /** step id → the status the daemon answered when the learner ran it. */
  answered: Record<string, number>
  /** step id → the status the learner predicted before running it. */
  predicted: Record<string, number>
}

const EMPTY: LessonProgress = { vars: {}, answered: {}, predicted: {} }
const PREFIX = 'docker-api-explorer:lesson:'
const PREDICT_KEY = 'docker-api-explorer:predict'

const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; value: LessonProgress }>()

const read = readStored

function write(key: string, value: string | null): void {
  // Storage full or disabled: progress lasts for this page only.
  writeStored(key, value)
  cache.delete(key)
  for (const listener of listeners) listener()
}

function isRecordOf<T>(value: unknown, check: (v: unknown) => v is T): value is Record<string, T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(check)
  )
}
const isString = (v: unknown): v is string => typeof v === 'string'
const isStatus = (v: unknown): v is number => Number.isInteger(v)

/** Reads a lesson's progress; anything unreadable counts as no progress. */
export function loadProgress(lessonId: string): LessonProgress {
  const key = PREFIX + lessonId
  const raw = read(key)
  const cached = cache.get(key)
  if (cached && cached.raw === raw) return cached.value
  let value = EMPTY
  if (raw !== null) {
    try {
      const parsed: unknown = JSON.parse(raw)
      if (typeof parsed === 'object' && parsed !== null) {
        const { vars, answered, predicted } = parsed as Record<string, unknown>
        value = {
          vars: isRecordOf(vars, isString) ? vars : {},
          answered: isRecordOf(answered, isStatus) ? answered : {},
          predicted: isRecordOf(predicted, isStatus) ? predicted : {},
        }
      }
    } catch {
      value = EMPTY
    }
  }
  cache.set(key, { raw, value })
  return value
}

export function saveProgress(lessonId: string, progress: LessonProgress): void {
  write(PREFIX + lessonId, JSON.stringify(progress))
}

export function clearProgress(lessonId: string): void {
  write(PREFIX + lessonId, null)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  const onStorage = () => {
    cache.clear()
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** A lesson's progress, re-rendering when it changes (here or in another tab). */
export function useLessonProgress(lessonId: string) {
  const progress = useSyncExternalStore(
    subscribe,
    () => loadProgress(lessonId),
    () => EMPTY,
  )
  const update = useCallback(
    (change: (previous: LessonProgress) => LessonProgress) =>
      saveProgress(lessonId, change(loadProgress(lessonId))),
    [lessonId],
  )
  return [progress, update] as const
}

/** Progress of every lesson at once, for the list's ticks. */
export function useAllProgress(ids: readonly string[]): LessonProgress[] {
  const snapshot = useSyncExternalStore(
    subscribe,
    () => ids.map((id) => read(PREFIX + id) ?? '').join('\u0000'),
    () => '',
  )
  return snapshot === '' && ids.length > 0
    ? ids.map(() => EMPTY)
    : ids.map((id) => loadProgress(id))
}

export function usePredictMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => read(PREDICT_KEY) === '1',
    () => false,
  )
  return [on, (next: boolean) => write(PREDICT_KEY, next ? '1' : null)]
}
