import { createHash } from 'node:crypto'

/**
 * The little of RFC 6455 that `GET /containers/{id}/attach/ws` needs: the handshake answer,
 * server frames (unmasked; one frame per write, as golang.org/x/net/websocket's Conn.Write
 * sends a text frame per call) and a parser for client frames (masked), bounded in size.
 */

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

export function acceptKey(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64')
}

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const

export function encodeFrame(payload: Uint8Array, opcode: number = OPCODE.text): Buffer {
  const n = payload.byteLength
  const header =
    n < 126
      ? Buffer.from([0x80 | opcode, n])
      : n < 65536
        ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(n)])
  return Buffer.concat([header, payload])
}

function bigLength(n: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(n))
  return b
}

export interface Frame {
  fin: boolean
  opcode: number
  payload: Buffer
}

/** A client frame may carry at most this much; a bigger one closes the connection (1009). */
export const MAX_FRAME = 1 << 20

/** Feeds bytes in, gets whole frames out; throws on a protocol error or an oversized frame. */
export class FrameParser {
  private buffer: Buffer = Buffer.alloc(0)

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.byteLength === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    const frames: Frame[] = []
    for (;;) {
      const b = this.buffer
      if (b.byteLength < 2) return frames
      const first = b[0] ?? 0
      const second = b[1] ?? 0
      const masked = (second & 0x80) !== 0
      let length = second & 0x7f
      let offset = 2
      if (length === 126) {
        if (b.byteLength < 4) return frames
        length = b.readUInt16BE(2)
        offset = 4
      } else if (length === 127) {
        if (b.byteLength < 10) return frames
        const big = b.readBigUInt64BE(2)
        if (big > BigInt(MAX_FRAME)) throw new FrameError(1009, 'frame too large')
        length = Number(big)
        offset = 10
      }
      if (length > MAX_FRAME) throw new FrameError(1009, 'frame too large')
      // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
      if (!masked) throw new FrameError(1002, 'unmasked client frame')
      if (b.byteLength < offset + 4 + length) return frames
      const mask = b.subarray(offset, offset + 4)
      const payload = Buffer.from(b.subarray(offset + 4, offset + 4 + length))
      for (let i = 0; i < payload.byteLength; i++)
        payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0)
      frames.push({ fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload })
      this.buffer = b.subarray(offset + 4 + length)
    }
  }
}

export class FrameError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

export function closeFrame(code: number): Buffer {
  const payload = Buffer.alloc(2)
  payload.writeUInt16BE(code)
  return encodeFrame(payload, OPCODE.close)
}
