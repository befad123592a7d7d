import type { EndpointRow } from '../src/domain/rows.ts'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  )

/**
 * The physical limit the issue measures against: a hand-written static HTML page holding the
 * same rows, with a ten-line vanilla filter. No framework, no build step.
 */
export function plainBaselineHtml(rows: readonly EndpointRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.title.en)}</td><td>${r.method}</td><td><code>${escapeHtml(r.path)}</code></td><td>${r.group}</td><td>${r.sinceApi}</td><td>${r.source['1.3'] ? '✓' : '✗'}</td><td>${r.source['1.4'] ? '✓' : '✗'}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain baseline</title></head><body>
<label>Search endpoints <input type="search" id="q"></label>
<table class="matrix"><thead><tr><th>Endpoint</th><th>Method</th><th>Path</th><th>Group</th><th>Since</th><th>K8s 1.3</th><th>K8s 1.4</th></tr></thead>
<tbody>
${body}
</tbody></table>
<script>
const rows = [...document.querySelectorAll('tbody tr')]
document.getElementById('q').addEventListener('input', (e) => {
  const q = e.target.value.toLowerCase()
  for (const row of rows) row.hidden = !row.textContent.toLowerCase().includes(q)
})
</script></body></html>`
}
