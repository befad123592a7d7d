import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { memo, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { useStableHandler } from './use-stable-handler.ts'

let childRenders = 0
const Child = memo(function Child({ onPick }: { onPick: () => void }) {
  childRenders++
  return (
    <button type="button" onClick={onPick}>
      pick
    </button>
  )
})

function Parent() {
  const [count, setCount] = useState(0)
  const [picked, setPicked] = useState<number[]>([])
  // Closes over `count`: a stale handler would record an older count.
  const onPick = useStableHandler(() => setPicked((list) => [...list, count]))
  return (
    <>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        count {count}
      </button>
      <Child onPick={onPick} />
      <output>{picked.join(',')}</output>
    </>
  )
}

describe('useStableHandler', () => {
  it('keeps one identity, so a memoised child skips renders, and calls the newest handler', async () => {
    const user = userEvent.setup()
    childRenders = 0
    render(<Parent />)
    await user.click(screen.getByRole('button', { name: 'count 0' }))
    await user.click(screen.getByRole('button', { name: 'count 1' }))
    expect(childRenders).toBe(1)
    await user.click(screen.getByRole('button', { name: 'pick' }))
    expect(screen.getByRole('status')).toHaveTextContent('2')
  })
})
