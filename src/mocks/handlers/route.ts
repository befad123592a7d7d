import { type DefaultBodyType, RequestHandler, type ResponseResolver } from 'msw'

export interface DaemonHandlerInfo {
  /** What MSW prints for this handler, e.g. `docker ^http…`. */
  header: string
  pattern: RegExp
}

type ParsedDaemonRequest = { matches: boolean }

export type DaemonResolver = ResponseResolver<Record<string, unknown>, DefaultBodyType, undefined>

/**
 * An MSW request handler that matches a URL against one regular expression and nothing else,
 * written with MSW's documented extension points only: a `RequestHandler` subclass with
 * `parse`, `predicate` and `log` ("custom request handler" in MSW's docs). MSW itself runs it
 * (`run` is MSW's, clone of the request included), so any msw 2.x can.
 *
 * Why not `http.all(regexp, resolver)`: `HttpHandler.parse` also collects the request's cookies
 * (tough-cookie's public-suffix lookup) and matches path parameters on every request. Docker's
 * API has neither, and the daemon does its own routing; `bench/daemon-profile.ts` measured the
 * difference (see decision 7).
 */
export class DaemonRequestHandler extends RequestHandler<
  DaemonHandlerInfo,
  ParsedDaemonRequest,
  Record<string, unknown>
> {
  constructor(name: string, pattern: RegExp, resolver: DaemonResolver) {
    super({ info: { header: `${name} ${pattern.source}`, pattern }, resolver })
  }

  override async parse(args: { request: Request }): Promise<ParsedDaemonRequest> {
    return { matches: this.info.pattern.test(args.request.url) }
  }

  predicate(args: { parsedResult: ParsedDaemonRequest }): boolean {
    return args.parsedResult.matches
  }

  log(args: { request: Request; response: Response }): void {
    console.log(
      `[MSW] ${args.request.method} ${args.request.url} (${args.response.status} ${args.response.statusText}) via ${this.info.header}`,
    )
  }
}
