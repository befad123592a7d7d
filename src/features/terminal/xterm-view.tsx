import { FitAddon } from '@xterm/addon-fit'
import { type ITheme, Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { useEffect, useRef } from 'react'
import { ignoreStatusQueries } from './status-queries.ts'
import type { TerminalSize } from './terminal-size.ts'

export interface XtermHandle {
  write(bytes: Uint8Array | string): void
  size(): TerminalSize
}

export interface XtermViewProps {
  /** Accessible name of the terminal's input. */
  label: string
  /** Id of the element that lists the keys. */
  describedBy: string
  onReady(handle: XtermHandle): void
  onData(data: string): void
  onResize(size: TerminalSize): void
}

/** The page's own colours, resolved (CSS custom properties hold `light-dark()`, xterm wants rgb). */
function pageTheme(host: HTMLElement): ITheme {
  const style = getComputedStyle(host)
  const [r = 255, g = 255, b = 255] = (style.backgroundColor.match(/\d+/g) ?? []).map(Number)
  const isDark = r * 0.299 + g * 0.587 + b * 0.114 < 128
  return {
    background: style.backgroundColor,
    foreground: style.color,
    cursor: style.color,
    selectionBackground: isDark ? 'rgba(121, 184, 255, 0.35)' : 'rgba(11, 87, 208, 0.25)',
  }
}

/**
 * xterm.js in a pane that follows its box: a ResizeObserver refits it (FitAddon) and xterm
 * reports a change of rows or columns through `onResize` — the browser's SIGWINCH.
 *
 * Keys: everything typed goes to the remote process, Tab included (a shell completes with it).
 * To leave without a trap, Escape then Tab (or Shift+Tab) moves the focus on; Escape alone still
 * reaches the process. Ctrl+Shift+C copies the selection (Ctrl+C is the process's interrupt),
 * Ctrl+Shift+V pastes (the browser's own paste, which xterm turns into input).
 */
export default function XtermView({
  label,
  describedBy,
  onReady,
  onData,
  onResize,
}: XtermViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const textarea = useRef<HTMLTextAreaElement | null>(null)
  // The latest callbacks, without re-creating the terminal when a parent re-renders.
  const callbacks = useRef({ onReady, onData, onResize })
  callbacks.current = { onReady, onData, onResize }

  useEffect(() => {
    const element = host.current
    if (!element) return
    const terminal = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 1000,
      theme: pageTheme(element),
    })
    const fit = new FitAddon()
    terminal.loadAddon(fit)
    terminal.open(element)
    textarea.current = terminal.textarea ?? null

    let escaped = false
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true
      if (event.key === 'Tab' && escaped) {
        escaped = false
        // Not handled by xterm: the browser moves the focus.
        return false
      }
      escaped = event.key === 'Escape'
      const lower = event.key.toLowerCase()
      if (event.ctrlKey && event.shiftKey && lower === 'c') {
        const selection = terminal.getSelection()
        if (selection) navigator.clipboard?.writeText(selection).catch(() => {})
        event.preventDefault()
        return false
      }
      // The browser's paste (a paste event xterm reads) instead of a literal ^V.
      if (event.ctrlKey && event.shiftKey && lower === 'v') return false
      return true
    })

    // xterm's answers to status queries would reach the shell as typed keys (status-queries.ts).
    const queries = ignoreStatusQueries(terminal)
    const data = terminal.onData((text) => callbacks.current.onData(text))
    const resized = terminal.onResize(({ rows, cols }) =>
      callbacks.current.onResize({ rows, cols }),
    )

    let frame = 0
    const refit = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        // A hidden pane (display: none) has no size: keep the last one.
        if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit()
      })
    }
    const observer = new ResizeObserver(refit)
    observer.observe(element)
    if (element.clientWidth > 0) fit.fit()

    const retheme = () => {
      terminal.options.theme = pageTheme(element)
    }
    const themeObserver = new MutationObserver(retheme)
    themeObserver.observe(document.documentElement, { attributeFilter: ['data-theme'] })
    const media = window.matchMedia?.('(prefers-color-scheme: dark)')
    media?.addEventListener('change', retheme)

    let disposed = false
    callbacks.current.onReady({
      write: (bytes) => {
        if (!disposed) terminal.write(bytes)
      },
      size: () => ({ rows: terminal.rows, cols: terminal.cols }),
    })
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      themeObserver.disconnect()
      media?.removeEventListener('change', retheme)
      disposed = true
      data.dispose()
      for (const q of queries) q.dispose()
      resized.dispose()
      terminal.dispose()
      textarea.current = null
    }
  }, [])

  // A new language renames the input; the terminal and its session live on.
  useEffect(() => {
    textarea.current?.setAttribute('aria-label', label)
    textarea.current?.setAttribute('aria-describedby', describedBy)
  }, [label, describedBy])

  return <div ref={host} className="xterm-host" />
}
