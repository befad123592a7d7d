import { describe, expect, it } from 'vitest'
import { inferDefault, inferType } from '../scripts/api-versions/param-wording.ts'
import { parseChangelog, routeShape } from '../scripts/api-versions/parse-changelog.ts'
import { headingAnchor, parseMarkdownReference } from '../scripts/api-versions/parse-markdown.ts'

// A reference written for this test in the layout of Docker's markdown references.
const REFERENCE = `
# 2. Endpoints

## 2.1 Widgets

### List widgets

\`GET /widgets/json\`

**Example request**:

    GET /widgets/json?all=1 HTTP/1.1

**Query parameters**:

-   **all** – 1/True/true or 0/False/false, every widget. Default \`false\`.
-   **limit** – how many, an integer
-   **filters** - a JSON encoded value of the filters. Available filters:
  -   \`colour=<name>\`
  -   \`size=<int>\`

**Status codes**:

-   **200** – no error
-   **500** – server error

### Make a widget

\`POST /widgets/(id or name)/make?x=<x>\`

**JSON parameters**:

-   **Name** - A string value naming it.
-   **Config**
    -   **Parts** - A list of parts.
    -   **Weight** - Weight in bytes.

**Request Headers**:

-   **X-Token** – a token

**Status codes**:

- **201** - made
- **201** - made (listed twice)

<!--
### A draft

\`DELETE /widgets/(id)\`
-->

# 3. Going further

\`GET /not/an/endpoint\`
`

describe('parseMarkdownReference', () => {
  const endpoints = parseMarkdownReference(REFERENCE)

  it('finds the endpoints under numbered sections, skipping comments and the end matter', () => {
    expect(endpoints.map((e) => `${e.method} ${e.rawPath}`)).toEqual([
      'GET /widgets/json',
      'POST /widgets/(id or name)/make',
    ])
    expect(endpoints[0]).toMatchObject({
      section: '2.1 Widgets',
      heading: 'List widgets',
      anchor: 'list-widgets',
    })
  })

  it('reads query parameters with their type, default and filter names', () => {
    expect(endpoints[0]?.params).toEqual([
      { name: 'all', in: 'query', type: 'boolean', default: 'false' },
      { name: 'limit', in: 'query', type: 'integer' },
      { name: 'filters', in: 'query', type: 'string', filters: ['colour', 'size'] },
    ])
    expect(endpoints[0]?.statuses).toEqual([200, 500])
  })

  it('names nested body fields by their parents and keeps headers apart', () => {
    expect(endpoints[1]?.params).toEqual([
      { name: 'Name', in: 'body', type: 'string' },
      { name: 'Config.Parts', in: 'body', type: 'array' },
      { name: 'Config.Weight', in: 'body', type: 'integer' },
      { name: 'Config', in: 'body', type: 'unspecified' },
      { name: 'X-Token', in: 'header', type: 'string' },
    ])
    expect(endpoints[1]?.statuses).toEqual([201, 201])
  })
})

it('reads the plain "Query Parameters:" labels of the first references and 1.24’s swarm sections', () => {
  const [endpoint] = parseMarkdownReference(
    [
      '## 2.1 Widgets',
      '### Stop a widget',
      '`POST /widgets/(id)/stop`',
      'Query Parameters:',
      '-   **t** – number of seconds to wait',
      'Status Codes:',
      '-   **204** – no error',
    ].join('\n'),
  )
  expect(endpoint?.params).toEqual([{ name: 't', in: 'query', type: 'integer' }])
  expect(endpoint?.statuses).toEqual([204])
})

describe('parameter wording', () => {
  it('reads a type only where the text words one', () => {
    expect(inferType('Boolean value, attaches to stdin.', 'body')).toBe('boolean')
    expect(inferType('Signal to send: integer or string like SIGINT.', 'query')).toBe('unspecified')
    expect(inferType('Name of the image to pull.', 'query')).toBe('unspecified')
  })
  it('reads the defaults the references write in several ways', () => {
    expect(inferDefault('`ps` arguments to use, defaults to `-ef`')).toBe('-ef')
    expect(inferDefault('Default: 0 (unfiltered)')).toBe('0')
    expect(inferDefault('The default is not to restart.')).toBeUndefined()
    expect(inferDefault('`SIGTERM` by default.')).toBe('SIGTERM')
  })
})

describe('parseChangelog', () => {
  const history = `
## v1.2 API changes

* \`GET /widgets/(id)/json\` now returns \`Colour\`.
* Errors are now
  returned as JSON.

## v1.1 API changes

* \`POST /widget/(name)/make\` makes a widget.
`
  it('splits bullets per version, joining continued lines, and finds routes and names', () => {
    const versions = parseChangelog(history)
    expect([...versions.keys()]).toEqual(['1.2', '1.1'])
    expect(versions.get('1.2')?.map((b) => b.text)).toEqual([
      '`GET /widgets/(id)/json` now returns `Colour`.',
      'Errors are now returned as JSON.',
    ])
    expect(versions.get('1.2')?.[0]).toMatchObject({
      routes: [{ method: 'GET', path: '/widgets/(id)/json' }],
      names: ['Colour'],
    })
  })
  it('compares paths in one shape, singular resources and trailing slashes included', () => {
    expect(routeShape('/container/(name)/update')).toBe('/containers/{}/update')
    expect(routeShape('/containers/<container ID>/exec')).toBe('/containers/{}/exec')
    expect(routeShape('/networks/')).toBe('/networks')
    expect(routeShape('/plugins/pull?name=<plugin name>')).toBe('/plugins/pull')
  })
  it('makes GitHub heading anchors', () => {
    expect(headingAnchor("Inspect changes on a container's filesystem")).toBe(
      'inspect-changes-on-a-containers-filesystem',
    )
  })
})
