import type { MouseEvent, ReactNode } from 'react'
import { useNavigation } from '../hooks/use-navigation.tsx'
import { type AppState, formatAppState } from '../lib/url-state.ts'

interface AppLinkProps {
  to: (state: AppState) => AppState
  children: ReactNode
  className?: string
  'aria-current'?: 'page' | 'step'
}

/**
 * A real link (it works with middle-click, copy link and without JavaScript's router), which
 * updates the in-page state instead of reloading on a plain click.
 */
export function AppLink({ to, children, className, ...rest }: AppLinkProps) {
  const { state, update } = useNavigation()
  const target = to(state)
  const href = formatAppState(target) || '?'
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    update(() => target, 'push')
    window.scrollTo({ top: 0 })
  }
  return (
    <a href={href} className={className} onClick={onClick} {...rest}>
      {children}
    </a>
  )
}
