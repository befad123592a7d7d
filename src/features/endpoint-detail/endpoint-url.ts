import { ID_PATTERN, matching } from '../../lib/url-codec.ts'
import type { ViewCodec } from '../../lib/view-link.ts'

/** `?view=endpoint&endpoint=ExecResize`: the endpoint's id ('' on no endpoint). */
export const endpointUrl: ViewCodec<'endpoint', string> = {
  view: 'endpoint',
  keys: ['endpoint'],
  defaults: '',
  parse: (p) => matching(ID_PATTERN, p.get('endpoint')),
  format: (endpoint) => (endpoint ? [['endpoint', endpoint]] : []),
  open: (current, link) => link.endpoint ?? current,
}
