/** A terminal pane's size in character cells, as xterm.js reports it. */
export interface TerminalSize {
  rows: number
  cols: number
}
