import {
  type DefaultBodyType,
  RequestHandler,
  type ResponseResolver,
  type StrictRequest,
} from 'msw'

export interface DaemonHandlerInfo {
  /** What MSW prints for this handler, e.g. `docker ^http…`. */
  header: string
  pattern: RegExp
}

type ParsedDaemonRequest = { matches: boolean }

export type DaemonResolver = ResponseResolver<Record<string, unknown>, DefaultBodyType, undefined>

/**
 * An MSW request handler that matches a URL against one regular expression and nothing else.
 *
 * Why not `http.all(regexp, resolver)`: msw 2.9's `HttpHandler.parse` also collects the request's
 * cookies through tough-cookie's public-suffix lookup on *every* request, which took ~130 µs of
 * the ~190 µs msw spent per request in `bench/daemon-profile.ts` (the daemon itself: ~8 µs for a
 * resize). Docker's API has no cookies, so this handler skips that work. It is still an MSW
 * `RequestHandler`: setupWorker, setupServer and getResponse treat it like any other.
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
    return this.match(args.request)
  }

  private match(request: Request): ParsedDaemonRequest {
    return { matches: this.info.pattern.test(request.url) }
  }

  /**
   * `RequestHandler.run` minus its `request.clone()`, which msw makes so that logging can read
   * the body again. It cost more than the daemon itself for a small request (the clone builds a
   * new AbortSignal and tees the body), and nothing reads that clone here: `getResponse` and
   * `setupServer` drop it, `setupWorker` logs from a clone of its own, and `log` below reads only
   * method, URL and status. Everything else is as msw does it: parse (here the same match
   * `parse` resolves to, without waiting a microtask for it), predicate, resolver.
   */
  override async run(args: {
    request: StrictRequest<DefaultBodyType>
    requestId: string
  }): ReturnType<RequestHandler['run']> {
    const parsedResult = this.match(args.request)
    if (!this.predicate({ parsedResult })) return null
    this.isUsed = true
    const response = await this.resolver({
      request: args.request,
      requestId: args.requestId,
    })
    return {
      handler: this,
      parsedResult,
      request: args.request,
      requestId: args.requestId,
      response: response instanceof Response ? response : undefined,
    }
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
