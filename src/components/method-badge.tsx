import type { HttpMethod } from '../domain/schemas/endpoints.ts'

export function MethodBadge({ method }: { method: HttpMethod }) {
  return <span className={`method method-${method.toLowerCase()}`}>{method}</span>
}
