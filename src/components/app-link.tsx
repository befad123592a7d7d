import type { MouseEvent, ReactNode } from 'react'
import { useNavigation } from '../hooks/use-navigation.tsx'
import type { ViewLink } from '../lib/view-link.ts'

interface AppLinkProps {
  to: ViewLink
  children: ReactNode
  className?: string
  'aria-current'?: 'page' | 'step' | 'true'
}

/**
 * A real link (it works with middle-click, copy link and without JavaScript's router), which
 * updates the in-page state instead of reloading on a plain click.
 */
export function AppLink({ to, children, className, ...rest }: AppLinkProps) {
  const { href, go } = useNavigation()
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    go(to, 'push')
    window.scrollTo({ top: 0 })
  }
  return (
    <a href={href(to) || '?'} className={className} onClick={onClick} {...rest}>
      {children}
    </a>
  )
}
