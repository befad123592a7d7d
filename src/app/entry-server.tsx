import { renderToString } from 'react-dom/server'
import { App } from './app.tsx'
import { DEFAULT_STATE } from './app-state.ts'

/** Renders the default view (the endpoint matrix, English) for the prerendered index.html. */
export function render(): string {
  return renderToString(<App initialState={DEFAULT_STATE} fallbackLanguage="en" />)
}
