/**
 * Image routes, one file per concern; `api/handlers.ts` maps the endpoint ids to these.
 * @see moby api/server/router/image/image_routes.go, daemon/images.go, daemon/image_delete.go,
 * daemon/image_tag.go, daemon/image.go at v1.12.6
 */

export { build } from './build'
export { history, inspect } from './inspect'
export { list } from './list'
export { load } from './load'
export { create } from './pull'
export { push } from './push'
export { remove } from './remove'
export { get, getAll } from './save'
export { search } from './search'
export { tag } from './tag'
