/**
 * Image routes, one file per concern; `api/handlers.ts` maps the endpoint ids to these.
 * @see moby api/server/router/image/image_routes.go, daemon/images.go, daemon/image_delete.go,
 * daemon/image_tag.go, daemon/image.go at v1.12.6
 */

export { build } from './build.ts'
export { history, inspect } from './inspect.ts'
export { list } from './list.ts'
export { load } from './load.ts'
export { create } from './pull.ts'
export { push } from './push.ts'
export { remove } from './remove.ts'
export { get, getAll } from './save.ts'
export { search } from './search.ts'
export { tag } from './tag.ts'
