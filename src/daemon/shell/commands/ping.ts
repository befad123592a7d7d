import { type CommandIO, Interrupt, type Program } from '../program.ts'

/**
 * busybox `ping [-c COUNT] [-i SECONDS] [-s SIZE] [-q] HOST`: a reply a second on the daemon
 * clock, every address answering (the simulated network has no loss), the statistics after
 * COUNT replies or on Ctrl-C. Names other than `localhost` would need DNS, which is not
 * modelled: said so.
 * @see busybox networking/ping.c at 1_25_1 (the output lines, status 0 when a reply came)
 */
export function* ping(args: string[], { out }: CommandIO): Program {
  let count = Number.POSITIVE_INFINITY
  let intervalMs = 1000
  let size = 56
  let quiet = false
  let host: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    const value = (flag: string) => (a.length > 2 ? a.slice(2) : (args[++i] ?? '')) || flag
    if (a.startsWith('-c')) count = Number(value(''))
    else if (a.startsWith('-i')) intervalMs = Number(value('')) * 1000
    else if (a.startsWith('-s')) size = Number(value(''))
    else if (a === '-q') quiet = true
    else if (a.startsWith('-') && a.length > 1) {
      yield {
        kind: 'out',
        stream: 2,
        text: `ping: option ${a} is not modelled by this simulated shell\n`,
      }
      return 1
    } else host = a
  }
  if (host === undefined) {
    yield {
      kind: 'out',
      stream: 2,
      text: 'BusyBox v1.25.1 (2016-10-26 16:15:20 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n',
    }
    return 1
  }
  if (!(count > 0) || !(intervalMs >= 0) || !Number.isInteger(size) || size < 0) {
    yield { kind: 'out', stream: 2, text: `ping: invalid number '${args.join(' ')}'\n` }
    return 1
  }
  const address = host === 'localhost' ? '127.0.0.1' : host
  if (
    !/^(\d{1,3})(\.\d{1,3}){3}$/.test(address) ||
    address.split('.').some((o) => Number(o) > 255)
  ) {
    yield {
      kind: 'out',
      stream: 2,
      text: `ping: resolving '${host}' is not modelled by this simulated shell (use an IP address)\n`,
    }
    return 1
  }
  const ms = address.startsWith('127.') ? 0.045 : 0.093
  const stats = (sent: number) =>
    `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${sent} packets received, 0% packet loss\n` +
    (sent > 0 ? `round-trip min/avg/max = ${ms}/${ms}/${ms} ms\n` : '')
  yield { kind: 'out', stream: out, text: `PING ${host} (${address}): ${size} data bytes\n` }
  let sent = 0
  try {
    while (sent < count) {
      if (!quiet) {
        yield {
          kind: 'out',
          stream: out,
          text: `${size + 8} bytes from ${address}: seq=${sent} ttl=64 time=${ms} ms\n`,
        }
      }
      sent++
      if (sent < count) yield { kind: 'sleep', ms: intervalMs }
    }
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e
    // Ctrl-C: the statistics so far, and the status of a ping that got replies.
  }
  yield { kind: 'out', stream: out, text: stats(sent) }
  return sent > 0 ? 0 : 1
}
