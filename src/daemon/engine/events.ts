import { EventBus } from '../model/events.ts'
import type { ContainerRecord, EventRecord } from '../model/state.ts'

/** The event log (`state.events`) and its live subscribers, stamped by the daemon clock. */
export class EngineEvents {
  bus: EventBus

  constructor(
    log: EventRecord[],
    private readonly clock: { nowMs(): number },
  ) {
    this.bus = new EventBus(log)
  }

  /** A new state value brings its own log (reset, restore). */
  switchLog(log: EventRecord[]): void {
    this.bus = new EventBus(log)
  }

  emit(
    type: EventRecord['Type'],
    action: string,
    id: string,
    attributes: Record<string, string>,
  ): void {
    const now = this.clock.nowMs()
    const e: EventRecord = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      time: Math.floor(now / 1000),
      timeNano: now * 1_000_000,
    }
    // 1.12 still fills the pre-1.22 fields for container and image events (daemon/events.go).
    if (type === 'container' || type === 'image') {
      e.status = action
      e.id = id
      if (type === 'container' && attributes.image !== undefined) e.from = attributes.image
    }
    this.bus.publish(e)
  }

  /** A container event: its labels, image and name as attributes (daemon/events.go LogContainerEventWithAttributes). */
  container(c: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
    const labels = (c.config.Labels ?? {}) as Record<string, unknown>
    const attributes: Record<string, string> = {}
    for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') attributes[k] = v
    attributes.image = String(c.config.Image ?? '')
    attributes.name = c.name.slice(1)
    Object.assign(attributes, extra)
    this.emit('container', action, c.id, attributes)
  }
}
