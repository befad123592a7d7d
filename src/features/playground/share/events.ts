/**
 * The daemon's event log, shorter: an event that has the shape the daemon writes is sent as
 * [shape, Type, Action, Actor.ID, Actor.Attributes, milliseconds since the previous event];
 * `time` and 1.12's legacy `status`/`id`/`from` follow from those. Anything else goes whole, so
 * the log always reads back exactly.
 */
type Event = Record<string, unknown>

function build(
  shape: number,
  t: unknown,
  action: unknown,
  id: unknown,
  attrs: unknown,
  nano: number,
): Event {
  const event: Event = {
    Type: t,
    Action: action,
    Actor: { ID: id, Attributes: attrs },
    time: Math.floor(nano / 1e9),
    timeNano: nano,
  }
  if (shape === 1) {
    event.status = action
    event.id = id
    event.from = (attrs as Record<string, unknown> | null)?.image
  }
  return event
}

export function packEvents(events: readonly unknown[]): unknown[] {
  let previous = 0
  return events.map((value) => {
    const e = value as Event
    const actor = e.Actor as { ID?: unknown; Attributes?: unknown } | undefined
    const nano = e.timeNano
    if (typeof nano === 'number' && actor) {
      const ms = Math.round(nano / 1e6)
      for (const shape of [1, 0]) {
        const rebuilt = build(shape, e.Type, e.Action, actor.ID, actor.Attributes, ms * 1e6)
        if (JSON.stringify(rebuilt) === JSON.stringify(e)) {
          const packed = [shape, e.Type, e.Action, actor.ID, actor.Attributes, ms - previous]
          previous = ms
          return packed
        }
      }
    }
    return e
  })
}

export function unpackEvents(packed: unknown): unknown[] {
  if (!Array.isArray(packed)) throw new Error('events')
  let previous = 0
  return packed.map((p) => {
    if (!Array.isArray(p)) return p
    const [shape, t, action, id, attrs, ms] = p as [
      number,
      unknown,
      unknown,
      unknown,
      unknown,
      number,
    ]
    previous += ms
    return build(shape, t, action, id, attrs, previous * 1e6)
  })
}
