import { renderToString } from 'react-dom/server'
import { DEFAULT_STATE } from '../lib/url-state.ts'
import { App } from './app.tsx'

/** Renders the default view (the endpoint matrix, English) for the prerendered index.html. */
export function render(): string {
  return renderToString(<App initialState={DEFAULT_STATE} fallbackLanguage="en" />)
}
